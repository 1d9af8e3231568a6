using System.ComponentModel;
using System.Diagnostics;
using System.Net.Sockets;

namespace Scheduler.Testing;

/// <summary>
/// A server a test runs as a child process (Radicale, aiosmtpd, dynalite, a silo of the chaos cluster). Its output is
/// read as it comes (into a log when one is given), so a full pipe never blocks it; disposing kills it with its children.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _name;

    private ServerProcess(Process process, string name)
    {
        _process = process;
        _name = name;
    }

    /// <summary>Whether the process has ended.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Starts <paramref name="fileName"/> with <paramref name="arguments"/>.</summary>
    /// <param name="name">The server's name in error messages.</param>
    /// <param name="fileName">The program.</param>
    /// <param name="arguments">Its arguments, each passed as one.</param>
    /// <param name="environment">Variables added to the inherited environment, or <see langword="null"/>.</param>
    /// <param name="log">Receives every line of standard output and error, or <see langword="null"/> to drop them.</param>
    /// <returns>The running process.</returns>
    /// <exception cref="InvalidOperationException">The process did not start.</exception>
    public static ServerProcess Start(string name, string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null, TextWriter? log = null)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var start = new ProcessStartInfo(fileName) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"{name} did not start.");
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ServerProcess(process, name);
    }

    /// <summary>Whether <paramref name="fileName"/> exists, runs and exits with 0 (to check that a test's server is installed).</summary>
    /// <param name="fileName">The program.</param>
    /// <param name="arguments">Its arguments.</param>
    /// <returns><see langword="true"/> when it ran and succeeded.</returns>
    public static async Task<bool> SucceedsAsync(string fileName, params string[] arguments)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(fileName, arguments) { RedirectStandardError = true, UseShellExecute = false });
            if (process is null)
            {
                return false;
            }

            await process.WaitForExitAsync();
            return process.ExitCode == 0;
        }
        catch (Win32Exception)
        {
            return false;
        }
    }

    /// <summary>Waits until something accepts TCP connections on loopback <paramref name="port"/>, trying every 50 ms.</summary>
    /// <param name="port">The port the server listens on.</param>
    /// <param name="timeout">How long to wait.</param>
    /// <returns>A task that completes when the port accepts a connection.</returns>
    /// <exception cref="ServerExitedException">The process ended first.</exception>
    /// <exception cref="TimeoutException">Nothing listened within <paramref name="timeout"/>.</exception>
    public Task WaitUntilListeningAsync(int port, TimeSpan timeout) => WaitUntilReadyAsync(
        async () =>
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return true;
            }
            catch (SocketException)
            {
                return false;
            }
        },
        timeout,
        TimeSpan.FromMilliseconds(50));

    /// <summary>Asks <paramref name="ready"/> every <paramref name="interval"/> (real time) until it says the server is ready.</summary>
    /// <param name="ready">Probes the server; answers <see langword="false"/> while it is not ready.</param>
    /// <param name="timeout">How long to wait.</param>
    /// <param name="interval">The pause between probes.</param>
    /// <returns>A task that completes when the server is ready.</returns>
    /// <exception cref="ServerExitedException">The process ended first.</exception>
    /// <exception cref="TimeoutException">The server was not ready within <paramref name="timeout"/>.</exception>
    public async Task WaitUntilReadyAsync(Func<Task<bool>> ready, TimeSpan timeout, TimeSpan interval)
    {
        ArgumentNullException.ThrowIfNull(ready);
        var started = Stopwatch.GetTimestamp();
        while (!await ready())
        {
            if (_process.HasExited)
            {
                throw new ServerExitedException($"{_name} exited with code {_process.ExitCode} before it was ready.");
            }

            if (Stopwatch.GetElapsedTime(started) > timeout)
            {
                throw new TimeoutException($"{_name} was not ready within {timeout.TotalSeconds} s.");
            }

            await Task.Delay(interval);
        }
    }

    /// <summary>Kills the process and its children (SIGKILL, as a crash) and waits until it is gone.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private static void Write(TextWriter? log, string? line)
    {
        if (log is not null && line is not null)
        {
            lock (log)
            {
                log.WriteLine(line);
            }
        }
    }
}

/// <summary>A test's server process ended before it was ready.</summary>
/// <param name="message">What ended, with its exit code.</param>
public sealed class ServerExitedException(string message) : Exception(message);
