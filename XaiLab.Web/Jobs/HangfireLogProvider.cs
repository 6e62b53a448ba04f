using Hangfire.Logging;
using MsLogLevel = Microsoft.Extensions.Logging.LogLevel;

namespace XaiLab.Web.Jobs;

/// <summary>
/// Hangfire's logging goes through a process-wide static, and Hangfire caches loggers in static fields. When several hosts
/// live in one process (tests) and one of them stops, loggers bound to its disposed ILoggerFactory would throw inside
/// Hangfire's workers. These loggers are created lazily and go quiet instead of failing once their factory is gone.
/// </summary>
public sealed class HangfireLogProvider(ILoggerFactory loggerFactory) : ILogProvider
{
    public ILog GetLogger(string name) => new QuietLog(loggerFactory, name);

    private sealed class QuietLog(ILoggerFactory factory, string name) : ILog
    {
        private ILogger? logger;

        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            try
            {
                logger ??= factory.CreateLogger(name);
                var level = Map(logLevel);
                if (messageFunc is null)
                {
                    return logger.IsEnabled(level);
                }
                if (logger.IsEnabled(level))
                {
                    logger.Log(level, exception, "{Message}", messageFunc());
                }
                return true;
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
        }

        private static MsLogLevel Map(Hangfire.Logging.LogLevel level) => level switch
        {
            Hangfire.Logging.LogLevel.Trace => MsLogLevel.Trace,
            Hangfire.Logging.LogLevel.Debug => MsLogLevel.Debug,
            Hangfire.Logging.LogLevel.Info => MsLogLevel.Information,
            Hangfire.Logging.LogLevel.Warn => MsLogLevel.Warning,
            Hangfire.Logging.LogLevel.Error => MsLogLevel.Error,
            _ => MsLogLevel.Critical,
        };
    }
}
