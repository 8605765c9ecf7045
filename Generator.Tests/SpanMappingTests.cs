using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using System.Text;
using GoSharp.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace GoSharp.Generator.Tests;

/// <summary>
/// The generated code maps back to the user's exact spans (C# 10 <c>#line (l,c)-(l,c)</c> directives): compile
/// errors in a goroutine body are the user's own, once each; sequence points start at the user's columns; and no
/// build machine's path is kept as a string in the user's binary.
/// </summary>
public class SpanMappingTests
{
    private const string Broken = """
        using System;
        using GoSharp;
        public partial class C
        {
            [Goroutine]
            static int Typos(string s)
            {
                Go.Yield();
                var n = s.Lenght + missing;
                int k = "text";
                return n + k;
            }
            [Goroutine]
            static int Fine(int x) { Go.Yield(); return x + Typos("a"); }
            [Goroutine]
            static int Parse(int x) { Go.Yield(); return x +; }
        }
        """;

    private static (string Id, string Path, LinePositionSpan Span, string Message)[] Errors(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => (d.Id, d.Location.GetMappedLineSpan().Path, d.Location.GetMappedLineSpan().Span, d.GetMessage()))
            .OrderBy(e => e.Span.Start).ThenBy(e => e.Id, StringComparer.Ordinal).ToArray();

    [Fact]
    public void ErrorsInAGoroutineBodyAreReportedOnceWhereThePlainMethodHasThem()
    {
        var withGenerator = GeneratorHarness.Run(Broken);
        // The same code without [Goroutine] (blanked, so every column stays where it was), and no generator.
        var plain = GeneratorHarness.Compile(("Test.cs", Broken.Replace("[Goroutine]", new string(' ', "[Goroutine]".Length))));

        var expected = Errors(plain.GetDiagnostics());
        Assert.Contains(expected, e => e.Id == "CS1061");
        Assert.Contains(expected, e => e.Id == "CS0103");
        Assert.Contains(expected, e => e.Id == "CS0029");
        Assert.Contains(expected, e => e.Id == "CS1525");
        Assert.Equal(expected, Errors(withGenerator.CompileDiagnostics));
        // The broken bodies got a frame that only throws (so Fine's nested call to Typos still binds), no copy.
        var generated = GeneratorHarness.GeneratedText(withGenerator);
        Assert.Contains("C.Typos has compile errors", generated);
        Assert.Contains("C.Parse has compile errors", generated);
        Assert.DoesNotContain("Lenght", generated);
    }

    [Fact]
    public void ALauncherCallIsNotACompileErrorOfTheBody()
    {
        // The generator's compilation cannot see GoWorker (its own output); the body still gets its frame.
        var r = GeneratorHarness.Run("""
            using GoSharp;
            public partial class C
            {
                [Goroutine] static int Worker() { Go.Yield(); return 1; }
                [Goroutine] static int Main() { var h = GoWorker(); Go.Yield(); return h.Join() + 1; }
            }
            """);
        Assert.Empty(r.CompileDiagnostics);
        Assert.DoesNotContain("has compile errors", GeneratorHarness.GeneratedText(r));
    }

    [Fact]
    public void SequencePointsOfTheFrameStartAtTheUsersStatements()
    {
        // Several statements on a line (each its own directive), and a statement copied as written over several
        // lines (one directive; its later lines keep the user's columns).
        const string source = """
            using GoSharp;
            public partial class C
            {
                [Goroutine]
                static int M(int n)
                {
                    var a = n + 1; Go.Yield(); var b = a * 2;
                    if (a > 100)
                    {
                        a--;
                    }
                    if (b > 2) { Go.Yield(); b++; } return a + b;
                }
            }
            """;
        var r = GeneratorHarness.Run(source);
        Assert.Empty(r.CompileDiagnostics);
        var tree = r.Output.SyntaxTrees.First();
        var method = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single();
        var statementStarts = method.Body!.DescendantNodes().OfType<StatementSyntax>().Where(s => s is not BlockSyntax)
            .Select(s => s.GetLocation().GetLineSpan().StartLinePosition)
            .Select(p => (Line: p.Line + 1, Column: p.Character + 1)).ToArray();
        Assert.Equal(9, statementStarts.Length);

        var points = ResumeSequencePoints(r.Output, "M_Frame");
        foreach (var start in statementStarts)
            Assert.Contains(start, points);
    }

    /// <summary>The visible sequence points of a frame's Resume in the user's file, as (line, column), 1-based.</summary>
    private static HashSet<(int Line, int Column)> ResumeSequencePoints(Compilation compilation, string frameName)
    {
        using var pe = new MemoryStream();
        using var pdb = new MemoryStream();
        var emit = compilation.Emit(pe, pdb, options: new EmitOptions(debugInformationFormat: DebugInformationFormat.PortablePdb));
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics));
        pe.Position = 0;
        pdb.Position = 0;
        using var peReader = new PEReader(pe);
        using var pdbProvider = MetadataReaderProvider.FromPortablePdbStream(pdb);
        var md = peReader.GetMetadataReader();
        var pdbReader = pdbProvider.GetMetadataReader();
        var type = md.TypeDefinitions.Select(md.GetTypeDefinition).Single(t => md.GetString(t.Name) == frameName);
        var resume = type.GetMethods().Single(h => md.GetString(md.GetMethodDefinition(h).Name) == "Resume");
        var result = new HashSet<(int, int)>();
        foreach (var sp in pdbReader.GetMethodDebugInformation(resume.ToDebugInformationHandle()).GetSequencePoints())
        {
            if (sp.IsHidden) continue;
            Assert.Equal("Test.cs", pdbReader.GetString(pdbReader.GetDocument(sp.Document).Name));
            result.Add((sp.StartLine, sp.StartColumn));
        }
        return result;
    }

    [Fact]
    public void NoSourcePathIsKeptAsAStringUnderPathMap()
    {
        const string root = "/home/builder/secret-project/";
        var compilation = GeneratorHarness.Compile((root + "Test.cs", """
            using GoSharp;
            public partial class C { [Goroutine] static int M(int n) { Go.Yield(); return n; } }
            """));
        compilation = compilation.WithOptions(compilation.Options.WithSourceReferenceResolver(new SourceFileResolver(
            ImmutableArray<string>.Empty, null, ImmutableArray.Create(new KeyValuePair<string, string>(root, "/_/")))));
        var r = GeneratorHarness.Run(compilation);
        Assert.Empty(r.CompileDiagnostics);
        Assert.Contains(root, GeneratorHarness.GeneratedText(r)); // in #line directives, which go through the path map

        using var pe = new MemoryStream();
        Assert.True(r.Output.Emit(pe).Success);
        var bytes = pe.ToArray();
        Assert.False(Contains(bytes, Encoding.UTF8.GetBytes("secret-project")), "the binary holds the source path (UTF-8)");
        Assert.False(Contains(bytes, Encoding.Unicode.GetBytes("secret-project")), "the binary holds the source path (UTF-16)");
        // What GetSourceLocation reports is the mapped path.
        Assert.True(Contains(bytes, Encoding.Unicode.GetBytes("/_/Test.cs")), "the mapped path is not in the binary");
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
