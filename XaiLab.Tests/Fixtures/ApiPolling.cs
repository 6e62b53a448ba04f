using System.Net.Http.Json;

namespace XaiLab.Tests.Fixtures;

/// <summary>Waits, through the public API, for a resource to reach a state.</summary>
public static class ApiPolling
{
    public static async Task<T> UntilAsync<T>(HttpClient client, string url, Func<T, bool> done, TimeSpan timeout, TimeSpan? interval = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        T? last = default;
        while (DateTime.UtcNow < deadline)
        {
            last = await client.GetFromJsonAsync<T>(url);
            if (last is not null && done(last))
            {
                return last;
            }
            await Task.Delay(interval ?? TimeSpan.FromMilliseconds(250));
        }
        throw new TimeoutException($"{url} did not reach the expected state within {timeout}; last: {System.Text.Json.JsonSerializer.Serialize(last)}");
    }
}
