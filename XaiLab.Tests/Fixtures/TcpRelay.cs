using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace XaiLab.Tests.Fixtures;

/// <summary>
/// A loopback TCP relay in front of a server (PostgreSQL): the app connects to <see cref="Port"/>. <see cref="Cut"/>
/// drops every connection and refuses new ones, as when the database host goes away; <see cref="Restore"/> brings it
/// back on the same port.
/// </summary>
public sealed class TcpRelay : IDisposable
{
    private readonly int targetPort;
    private readonly ConcurrentDictionary<Socket, byte> sockets = new();
    private TcpListener? listener;
    private CancellationTokenSource? running;

    public TcpRelay(int targetPort)
    {
        this.targetPort = targetPort;
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Restore();
    }

    public int Port { get; }

    public void Restore()
    {
        running = new CancellationTokenSource();
        listener = new TcpListener(IPAddress.Loopback, Port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        _ = AcceptAsync(listener, running.Token);
    }

    public void Cut()
    {
        running?.Cancel();
        listener?.Stop();
        foreach (var socket in sockets.Keys)
        {
            try
            {
                socket.Close(0);
            }
            catch (ObjectDisposedException)
            {
            }
        }
        sockets.Clear();
    }

    public void Dispose() => Cut();

    private async Task AcceptAsync(TcpListener listening, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await listening.AcceptSocketAsync(cancellationToken);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            _ = RelayAsync(client, cancellationToken);
        }
    }

    private async Task RelayAsync(Socket client, CancellationToken cancellationToken)
    {
        var server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        sockets[client] = 0;
        sockets[server] = 0;
        try
        {
            await server.ConnectAsync(IPAddress.Loopback, targetPort, cancellationToken);
            await Task.WhenAny(PumpAsync(client, server, cancellationToken), PumpAsync(server, client, cancellationToken));
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
        finally
        {
            sockets.TryRemove(client, out _);
            sockets.TryRemove(server, out _);
            client.Close(0);
            server.Close(0);
        }
    }

    private static async Task PumpAsync(Socket from, Socket to, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                var n = await from.ReceiveAsync(buffer, SocketFlags.None, cancellationToken);
                if (n == 0)
                {
                    return;
                }
                await to.SendAsync(buffer.AsMemory(0, n), SocketFlags.None, cancellationToken);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
    }
}
