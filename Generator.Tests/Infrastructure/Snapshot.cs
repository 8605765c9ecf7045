using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Xunit;

namespace GoSharp.Generator.Tests.Infrastructure;

/// <summary>
/// Snapshot files in Verify.SourceGenerators' layout (Verify itself is not available here):
/// <c>Snapshots/{Class}.{Method}#{HintName}.verified.cs</c> (first line <c>//HintName: X.g.cs</c>) per generated
/// source, and <c>Snapshots/{Class}.{Method}.verified.txt</c> for diagnostics. A mismatch writes
/// <c>*.received.*</c> beside it and fails with a diff; <c>GOSHARP_ACCEPT_SNAPSHOTS=1</c> accepts the received
/// text (refused when <c>CI</c> is set). LF line endings; versions scrubbed.
/// </summary>
public static class Snapshot
{
    public static void Verify(GeneratorHarness.Result result, [CallerMemberName] string method = "", [CallerFilePath] string callerFile = "", string? className = null)
    {
        var cls = className ?? Path.GetFileNameWithoutExtension(callerFile);
        var dir = Path.Combine(Path.GetDirectoryName(callerFile)!, "Snapshots");
        Directory.CreateDirectory(dir);
        var failures = new List<string>();
        var expectedFiles = new HashSet<string>(StringComparer.Ordinal);

        foreach (var source in result.Run.Results.SelectMany(r => r.GeneratedSources).OrderBy(s => s.HintName, StringComparer.Ordinal))
        {
            var name = $"{cls}.{method}#{source.HintName.Replace(".g.cs", ".g")}";
            var text = "//HintName: " + source.HintName + "\n" + Scrub(source.SourceText.ToString());
            Check(dir, name, ".cs", text, failures);
            expectedFiles.Add(name + ".verified.cs");
        }

        var diagnostics = result.Diagnostics.Concat(result.CompileDiagnostics)
            .OrderBy(d => d.Location.SourceSpan.Start).ThenBy(d => d.Id, StringComparer.Ordinal).ToList();
        if (diagnostics.Count > 0)
        {
            var text = string.Join("\n", diagnostics.Select(d => Format(d, result.Output))) + "\n";
            Check(dir, $"{cls}.{method}", ".txt", text, failures);
            expectedFiles.Add($"{cls}.{method}.verified.txt");
        }

        // A verified file that is no longer produced is a failure too.
        foreach (var stale in Directory.EnumerateFiles(dir, $"{cls}.{method}*.verified.*").Select(Path.GetFileName))
        {
            var f = stale!;
            if (!expectedFiles.Contains(f) && (f.StartsWith($"{cls}.{method}#", StringComparison.Ordinal) || f == $"{cls}.{method}.verified.txt"))
                failures.Add($"{f}: no longer produced");
        }
        if (failures.Count > 0) Assert.Fail(string.Join("\n\n", failures));
    }

    private static string Format(Diagnostic d, Compilation compilation)
    {
        var span = d.Location.GetLineSpan();
        var tree = d.Location.SourceTree ?? compilation.SyntaxTrees.FirstOrDefault(t => t.FilePath == span.Path);
        var excerpt = tree is null ? "" : tree.GetText().ToString(d.Location.SourceSpan);
        if (excerpt.Length > 80) excerpt = excerpt.Substring(0, 77) + "...";
        return $"{d.Id} {d.Severity}: {d.GetMessage()}\n    at {Path.GetFileName(span.Path)}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1})-({span.EndLinePosition.Line + 1},{span.EndLinePosition.Character + 1}): {excerpt.Replace("\n", "\\n")}";
    }

    public static string Scrub(string text) =>
        Regex.Replace(text.Replace("\r\n", "\n"), "GeneratedCode\\(\"GoSharp.Generator\", \"[^\"]*\"\\)", "GeneratedCode(\"GoSharp.Generator\", \"{version}\")");

    private static void Check(string dir, string name, string ext, string received, List<string> failures)
    {
        var verifiedPath = Path.Combine(dir, name + ".verified" + ext);
        var receivedPath = Path.Combine(dir, name + ".received" + ext);
        var verified = File.Exists(verifiedPath) ? File.ReadAllText(verifiedPath).Replace("\r\n", "\n") : null;
        if (verified == received)
        {
            if (File.Exists(receivedPath)) File.Delete(receivedPath);
            return;
        }
        var accept = Environment.GetEnvironmentVariable("GOSHARP_ACCEPT_SNAPSHOTS") == "1";
        if (accept && Environment.GetEnvironmentVariable("CI") is { Length: > 0 })
            throw new InvalidOperationException("GOSHARP_ACCEPT_SNAPSHOTS is refused when CI is set.");
        if (accept)
        {
            File.WriteAllText(verifiedPath, received, new UTF8Encoding(false));
            if (File.Exists(receivedPath)) File.Delete(receivedPath);
            return;
        }
        File.WriteAllText(receivedPath, received, new UTF8Encoding(false));
        failures.Add(verified is null
            ? $"{name}.verified{ext} does not exist; received:\n{received}"
            : $"{name}.verified{ext} differs (received file written):\n{Diff(verified, received)}");
    }

    /// <summary>A small line diff: the first differing lines with context.</summary>
    public static string Diff(string expected, string actual)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        var sb = new StringBuilder();
        var shown = 0;
        for (var i = 0; i < Math.Max(a.Length, b.Length) && shown < 20; i++)
        {
            var x = i < a.Length ? a[i] : null;
            var y = i < b.Length ? b[i] : null;
            if (x == y) continue;
            if (x is not null) sb.AppendLine($"-{i + 1}: {x}");
            if (y is not null) sb.AppendLine($"+{i + 1}: {y}");
            shown++;
        }
        return sb.ToString();
    }
}
