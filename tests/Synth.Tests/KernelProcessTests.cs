using System.Diagnostics;
using System.Text;
using System.Text.Json;
using StudentRecords.Model.Tests;

namespace StudentRecords.Synth.Tests;

/// <summary>
/// The patched jsii runtime (synth/bindings/runtime) runs the kernel in one Node.js process, talking on
/// the host's stdin and stdout, with JavaScript's own output sent to the host as upstream's relay sends it.
/// </summary>
public sealed class KernelProcessTests
{
    private static string RuntimeScript => Path.Combine(RepositoryPaths.Root, "synth", "bindings", "runtime", "PatchRuntime", "jsii-runtime.js");

    [Fact]
    public void TheKernelRunsInOneNodeProcessStartedByThisOne()
    {
        _ = new HashiCorp.Cdktf.App(); // starts the kernel, if no other test has yet

        var kernels = ChildrenOf(Environment.ProcessId).Where(p => CommandLine(p).Contains("jsii-runtime.js")).ToList();

        var kernel = Assert.Single(kernels);
        Assert.Contains("--preserve-symlinks", CommandLine(kernel));
        Assert.DoesNotContain(ChildrenOf(kernel), p => CommandLine(p).Contains("node"));
    }

    [Fact]
    public async Task RequestsArriveOnStdinAndResponsesLeaveOnStdoutWhileOutputIsForwarded()
    {
        // a stand-in for the kernel: echoes one line read synchronously, as the kernel reads, after writing
        // output and touching process.stdin (which must not turn fd 0 non-blocking under the read)
        var program = """
            const fs = require('fs');
            process.stdin.resume();
            console.log('logged');
            process.stderr.write('warned');
            const buffer = Buffer.alloc(64);
            const read = fs.readSync(0, buffer, 0, buffer.length, null);
            fs.writeSync(1, buffer.subarray(0, read));
            """;
        var root = Directory.CreateTempSubdirectory("srp-kernel-");
        try
        {
            Directory.CreateDirectory(Path.Combine(root.FullName, "bin"));
            Directory.CreateDirectory(Path.Combine(root.FullName, "lib"));
            File.Copy(RuntimeScript, Path.Combine(root.FullName, "bin", "jsii-runtime.js"));
            File.WriteAllText(Path.Combine(root.FullName, "lib", "program.js"), program);
            var start = new ProcessStartInfo("node", ["--preserve-symlinks", Path.Combine(root.FullName, "bin", "jsii-runtime.js")])
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var node = Process.Start(start)!;
            var stdout = node.StandardOutput.ReadToEndAsync();
            var stderr = node.StandardError.ReadToEndAsync();

            await Task.Delay(300); // the read must wait for the request, not fail on an empty pipe
            await node.StandardInput.WriteLineAsync("""{"api":"naming"}""");
            node.StandardInput.Close();
            await node.WaitForExitAsync();

            Assert.Equal(0, node.ExitCode);
            Assert.Equal("{\"api\":\"naming\"}\n", await stdout);
            var forwarded = (await stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(line => JsonSerializer.Deserialize<Dictionary<string, string>>(line)!.Single())
                .Select(entry => $"{entry.Key}: {Encoding.UTF8.GetString(Convert.FromBase64String(entry.Value))}");
            Assert.Equal(["stdout: logged\n", "stderr: warned"], forwarded);
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    private static IEnumerable<int> ChildrenOf(int parent) =>
        Directory.GetDirectories("/proc")
            .Select(dir => int.TryParse(Path.GetFileName(dir), out var pid) ? pid : 0)
            .Where(pid => pid > 0 && ParentOf(pid) == parent);

    private static int? ParentOf(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("PPid:", StringComparison.Ordinal));
            return line is null ? null : int.Parse(line["PPid:".Length..].Trim());
        }
        catch (IOException)
        {
            return null; // exited while we looked
        }
    }

    private static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
        }
        catch (IOException)
        {
            return "";
        }
    }
}
