using System.Diagnostics;
using System.Text;
using System.Text.Json;
using StudentRecords.Model.Tests;

namespace StudentRecords.App.Tests;

/// <summary>
/// A real OpenID Connect provider (the npm package <c>oidc-provider</c>, run by tests/oidc/provider.mjs
/// under Node) on 127.0.0.1, with one confidential client and the test accounts. Killed on dispose;
/// it also exits by itself when our end of its stdin closes, or after 10 minutes.
/// </summary>
public sealed class OidcProvider : IAsyncDisposable
{
    public const string ClientId = "student-records";
    public const string ClientSecret = "records-client-secret-for-tests";

    /// <summary>The app under <see cref="Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory{T}"/> answers at http://localhost.</summary>
    public const string RedirectUri = "http://localhost/signin-oidc";

    private static readonly TimeSpan StartPatience = TimeSpan.FromSeconds(30);

    private readonly Process process;
    private readonly StringBuilder errors = new();

    private OidcProvider(Process process) => this.process = process;

    /// <summary>The provider's issuer, e.g. http://127.0.0.1:40199, the app's <c>Auth:Oidc:Authority</c>.</summary>
    public string Issuer { get; private set; } = "";

    /// <summary>What the provider wrote to stderr (its warnings and the errors it answered), for failure messages.</summary>
    public string Errors
    {
        get { lock (errors) return errors.ToString(); }
    }

    /// <summary>The parameters of the last authorization request pushed to the provider (PAR), as it logged them.</summary>
    public async Task<JsonElement> PushedRequestAsync()
    {
        const string Marker = "provider pushed_authorization_request: ";
        for (var wait = 0; wait < 50; wait++)
        {
            var line = Errors.Split('\n').LastOrDefault(l => l.StartsWith(Marker, StringComparison.Ordinal));
            if (line is not null) return JsonDocument.Parse(line[Marker.Length..]).RootElement;
            await Task.Delay(100);
        }
        throw new Xunit.Sdk.XunitException($"the provider logged no pushed authorization request: {Errors}");
    }

    /// <param name="options">More arguments for provider.mjs, e.g. <c>--publish-other-key</c>.</param>
    public static async Task<OidcProvider> StartAsync(string clientSecret = ClientSecret, params string[] options)
    {
        var script = Path.Combine(RepositoryPaths.Root, "tests", "oidc", "provider.mjs");
        Assert.True(File.Exists(Path.Combine(RepositoryPaths.Root, "node_modules", "oidc-provider", "package.json")), "oidc-provider is not installed: run npm ci");
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = RepositoryPaths.Root,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])[script, "--client-id", ClientId, "--client-secret", clientSecret, "--redirect-uri", RedirectUri, .. options])
            start.ArgumentList.Add(argument);
        var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var provider = new OidcProvider(process);
        process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is { } text) lock (provider.errors) provider.errors.AppendLine(text);
        };
        process.BeginErrorReadLine();
        try
        {
            using var patience = new CancellationTokenSource(StartPatience);
            var first = await process.StandardOutput.ReadLineAsync(patience.Token)
                ?? throw new InvalidOperationException($"provider.mjs exited before printing its issuer: {provider.Errors}");
            provider.Issuer = JsonDocument.Parse(first).RootElement.GetProperty("issuer").GetString()!;
            return provider;
        }
        catch
        {
            await provider.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            process.StandardInput.Close();
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
        finally
        {
            process.Dispose();
        }
    }
}
