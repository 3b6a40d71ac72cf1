using System.Net;
using System.Net.Sockets;

namespace Search.Cli.Tests.Replication;

/// <summary>
/// Debian's nginx as a child process in front of replicas, with the repository's configuration
/// (src/Search.Api/Replication/news-search.nginx.conf) as it ships: only its replica addresses and listen line are
/// replaced by loopback ones. Everything nginx writes (pid, logs, temp files) stays in the folder it is given.
/// </summary>
internal sealed class NginxBalancer : IDisposable
{
    private readonly ChildProcess _process;

    private NginxBalancer(ChildProcess process, Uri address, string accessLog)
    {
        _process = process;
        Address = address;
        AccessLog = accessLog;
    }

    public Uri Address { get; }

    /// <summary>One line per request: the upstream(s) that answered, the status, the request.</summary>
    public string AccessLog { get; }

    /// <summary>The nginx executable, or null when it is not installed.</summary>
    public static string? Find() =>
        new[] { "/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/bin/nginx" }.FirstOrDefault(File.Exists);

    public static async Task<NginxBalancer> StartAsync(string nginx, string folder, IReadOnlyList<Uri> replicas)
    {
        Assert.Equal(2, replicas.Count); // the shipped file names two replicas
        var port = FreePort();
        var shipped = await File.ReadAllTextAsync(
            Path.Combine(CliRunner.RepositoryRoot(), "src", "Search.Api", "Replication", "news-search.nginx.conf"), TestContext.Current.CancellationToken);
        var site = Replace(Replace(Replace(shipped,
            "server 10.0.0.11:5000 ", $"server 127.0.0.1:{replicas[0].Port} "),
            "server 10.0.0.12:5000 ", $"server 127.0.0.1:{replicas[1].Port} "),
            "listen 80;", $"listen 127.0.0.1:{port};");
        await File.WriteAllTextAsync(Path.Combine(folder, "news-search.conf"), site, TestContext.Current.CancellationToken);
        var accessLog = Path.Combine(folder, "access.log");
        await File.WriteAllTextAsync(Path.Combine(folder, "nginx.conf"), $$"""
            worker_processes 1;
            pid {{folder}}/nginx.pid;
            error_log {{folder}}/error.log;
            events { worker_connections 256; }
            http {
                log_format upstreams '$upstream_addr $status $request_uri';
                access_log {{accessLog}} upstreams;
                client_body_temp_path {{folder}}/client_body;
                proxy_temp_path {{folder}}/proxy;
                fastcgi_temp_path {{folder}}/fastcgi;
                uwsgi_temp_path {{folder}}/uwsgi;
                scgi_temp_path {{folder}}/scgi;
                include {{folder}}/news-search.conf;
            }
            """, TestContext.Current.CancellationToken);
        var process = ChildProcess.Start("nginx", nginx,
            ["-p", folder + "/", "-c", Path.Combine(folder, "nginx.conf"), "-e", Path.Combine(folder, "error.log"), "-g", "daemon off;"]);
        var address = new Uri($"http://127.0.0.1:{port}/");
        for (var attempt = 0; attempt < 100; attempt++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port, TestContext.Current.CancellationToken);
                return new NginxBalancer(process, address, accessLog);
            }
            catch (SocketException) when (!process.HasExited)
            {
                await Task.Delay(100, TestContext.Current.CancellationToken);
            }
        }

        var error = File.Exists(Path.Combine(folder, "error.log")) ? await File.ReadAllTextAsync(Path.Combine(folder, "error.log")) : "";
        process.Dispose();
        throw new InvalidOperationException($"nginx did not listen on {port}: {process.Output}\n{error}");
    }

    /// <summary>Stops nginx gracefully (SIGQUIT: finish the requests in flight).</summary>
    public Task<int> StopAsync() => _process.SignalAndWaitAsync("QUIT", TimeSpan.FromSeconds(20));

    public void Dispose() => _process.Dispose();

    private static string Replace(string text, string what, string with)
    {
        Assert.Contains(what, text, StringComparison.Ordinal);
        return text.Replace(what, with, StringComparison.Ordinal);
    }

    // A port nobody listens on now; nginx binds it a moment later (its configuration needs the number up front).
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
