using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Security;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;

namespace GuidanceBot.Tests.Deployment;

/// <summary>
/// deploymentTemplates/onprem/nginx in front of the real host, as a child nginx with its own prefix, free ports on
/// 127.0.0.1 and a self-signed certificate for <c>guidancebot.test</c>: Web Chat's Direct Line conversation goes
/// through it over https and wss, and the stream URL the client gets names the public host with wss://.
/// </summary>
public sealed class NginxSiteTests : IAsyncLifetime
{
    private const string PublicHost = "guidancebot.test";
    private const string Secret = "nginx-site-test-direct-line-secret-0123456789";

    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("gb-nginx-");
    private readonly TestHost _host = new();
    private X509Certificate2 _certificate = null!;
    private Process? _nginx;
    private int _tlsPort;
    private int _httpPort;

    private static string Nginx => File.Exists("/usr/sbin/nginx") ? "/usr/sbin/nginx" : "nginx";

    private string Site => Path.Combine(RepositoryFiles.Templates, "onprem", "nginx");

    public async Task InitializeAsync()
    {
        _host.Settings["GuidanceBot:DirectLine:Secret"] = Secret;
        _host.Settings["GuidanceBot:Hosting:KnownProxies:0"] = "127.0.0.1";
        var hostPort = new Uri(_host.StartKestrel()).Port;
        _tlsPort = FreePort();
        _httpPort = FreePort();
        _certificate = WriteCertificate(Path.Combine(_dir.FullName, "tls"));
        WriteConfiguration(hostPort);

        var check = await RepositoryFiles.RunAsync(Nginx, ["-t", "-p", _dir.FullName + "/", "-c", ConfPath]);
        Assert.True(check.ExitCode == 0, check.Output);
        Assert.Contains("syntax is ok", check.Output);
        Assert.DoesNotContain("[warn]", check.Output);

        _nginx = Process.Start(new ProcessStartInfo(Nginx, ["-p", _dir.FullName + "/", "-c", ConfPath]) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        await WaitForPortAsync(_tlsPort);
    }

    private string ConfPath => Path.Combine(_dir.FullName, "nginx.conf");

    /// <summary>The repository's site and local upstream, changed only where a test must: ports, certificate folder, upstream port.</summary>
    private void WriteConfiguration(int hostPort)
    {
        var site = File.ReadAllText(Path.Combine(Site, "guidancebot.conf"));
        site = Replace(site, "listen 443 ssl;", $"listen 127.0.0.1:{_tlsPort} ssl;");
        site = Replace(site, "listen [::]:443 ssl;", "");
        site = Replace(site, "listen 80;", $"listen 127.0.0.1:{_httpPort};");
        site = Replace(site, "listen [::]:80;", "");
        site = Replace(site, "/etc/nginx/tls/", Path.Combine(_dir.FullName, "tls") + "/");
        File.WriteAllText(Path.Combine(_dir.FullName, "guidancebot.conf"), site);
        var upstream = Replace(File.ReadAllText(Path.Combine(Site, "upstream-local.conf")), "127.0.0.1:5080", $"127.0.0.1:{hostPort}");
        File.WriteAllText(Path.Combine(_dir.FullName, "guidancebot-upstream.conf"), upstream);
        var d = _dir.FullName;
        File.WriteAllText(ConfPath, $$"""
            daemon off;
            master_process off;
            worker_processes 1;
            pid {{d}}/nginx.pid;
            error_log {{d}}/error.log warn;
            events { worker_connections 64; }
            http {
                access_log {{d}}/access.log;
                client_body_temp_path {{d}}/body;
                proxy_temp_path {{d}}/proxy;
                fastcgi_temp_path {{d}}/fastcgi;
                uwsgi_temp_path {{d}}/uwsgi;
                scgi_temp_path {{d}}/scgi;
                include guidancebot.conf;
            }
            """);
    }

    private static string Replace(string text, string what, string with)
    {
        Assert.True(text.Contains(what, StringComparison.Ordinal), $"The template no longer contains '{what}'; update this test with it.");
        return text.Replace(what, with, StringComparison.Ordinal);
    }

    /// <summary>Every connection goes to nginx on 127.0.0.1, whatever host name the URL has; only our certificate is trusted.</summary>
    private SocketsHttpHandler Handler(int port) => new()
    {
        ConnectCallback = async (_, cancellationToken) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            await socket.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        },
        SslOptions = new SslClientAuthenticationOptions
        {
            RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate is not null && certificate.GetCertHashString() == _certificate.GetCertHashString(),
        },
        AllowAutoRedirect = false,
    };

    [Fact]
    public async Task A_direct_line_conversation_runs_through_nginx_over_wss_with_the_public_host_in_the_stream_url()
    {
        using var handler = Handler(_tlsPort);
        using var client = new HttpClient(handler, disposeHandler: false) { BaseAddress = new Uri($"https://{PublicHost}:{_tlsPort}") };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Secret);

        var start = await client.PostAsJsonAsync("/v3/directline/conversations", new JsonObject { ["user"] = new JsonObject { ["id"] = "dl_nginx" } });
        Assert.Equal(HttpStatusCode.Created, start.StatusCode);
        var conversation = (await start.Content.ReadFromJsonAsync<JsonObject>())!;
        var conversationId = (string)conversation["conversationId"]!;
        var streamUrl = (string)conversation["streamUrl"]!;
        Assert.StartsWith($"wss://{PublicHost}:{_tlsPort}/v3/directline/conversations/{Uri.EscapeDataString(conversationId)}/stream?t=", streamUrl);

        using var socket = new ClientWebSocket();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await socket.ConnectAsync(new Uri(streamUrl), new HttpMessageInvoker(handler, disposeHandler: false), deadline.Token);
        var greeting = await ReceiveActivitiesAsync(socket, a => (string?)a["from"]?["role"] == "bot" || (string?)a["from"]?["id"] != "dl_nginx", deadline.Token);
        Assert.NotEmpty(greeting);

        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (string)conversation["token"]!);
        var posted = await client.PostAsJsonAsync($"/v3/directline/conversations/{conversationId}/activities", new JsonObject
        {
            ["type"] = "message",
            ["from"] = new JsonObject { ["id"] = "dl_nginx" },
            ["text"] = "giúp",
        });
        posted.EnsureSuccessStatusCode();
        var postedId = (string)(await posted.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        var replies = await ReceiveActivitiesAsync(socket, a => (string?)a["replyToId"] == postedId, deadline.Token);

        Assert.NotEmpty(replies);
        Assert.Equal(WebSocketState.Open, socket.State);
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", deadline.Token);
    }

    [Fact]
    public async Task Plain_http_is_redirected_to_https()
    {
        using var handler = Handler(_httpPort);
        using var client = new HttpClient(handler) { BaseAddress = new Uri($"http://{PublicHost}:{_httpPort}") };

        var response = await client.GetAsync("/dashboard");

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal($"https://{PublicHost}/dashboard", response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task Metrics_are_not_served_to_the_internet_and_readiness_is()
    {
        using var handler = Handler(_tlsPort);
        using var client = new HttpClient(handler) { BaseAddress = new Uri($"https://{PublicHost}:{_tlsPort}") };

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz")).StatusCode);
    }

    /// <summary>Reads ActivitySet frames (skipping empty keep-alives) until one holds an activity matching <paramref name="wanted"/>.</summary>
    private static async Task<List<JsonNode>> ReceiveActivitiesAsync(ClientWebSocket socket, Func<JsonNode, bool> wanted, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        while (true)
        {
            using var frame = new MemoryStream();
            WebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer, cancellationToken);
                frame.Write(buffer, 0, result.Count);
            }
            while (!result.EndOfMessage);
            Assert.NotEqual(WebSocketMessageType.Close, result.MessageType);
            if (frame.Length == 0)
            {
                continue;
            }
            var activities = JsonNode.Parse(Encoding.UTF8.GetString(frame.ToArray()))!["activities"]!.AsArray().Select(a => a!).ToList();
            var matching = activities.Where(wanted).ToList();
            if (matching.Count > 0)
            {
                return matching;
            }
        }
    }

    private static X509Certificate2 WriteCertificate(string folder)
    {
        Directory.CreateDirectory(folder);
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={PublicHost}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(PublicHost);
        request.CertificateExtensions.Add(names.Build());
        var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        File.WriteAllText(Path.Combine(folder, "fullchain.pem"), certificate.ExportCertificatePem());
        File.WriteAllText(Path.Combine(folder, "privkey.pem"), key.ExportPkcs8PrivateKeyPem());
        return certificate;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task WaitForPortAsync(int port)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            try
            {
                using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                await socket.ConnectAsync(IPAddress.Loopback, port, deadline.Token);
                return;
            }
            catch (SocketException)
            {
                await Task.Yield();
            }
        }
    }

    public async Task DisposeAsync()
    {
        if (_nginx is { HasExited: false })
        {
            _nginx.Kill();
            await _nginx.WaitForExitAsync();
        }
        _nginx?.Dispose();
        _certificate?.Dispose();
        await _host.DisposeAsync();
        _dir.Delete(recursive: true);
    }
}
