using Xunit;

namespace GoSharp.Runtime.Tests;

/// <summary>
/// Tests that change process-wide state other tests read (environment variables such as GOMAXPROCS,
/// which every <c>new GoRuntime()</c> and the lazy <see cref="GoRuntime.Default"/> read): xunit runs a
/// collection with parallelization disabled on its own, after the parallel ones, so no other test can
/// observe the change. A test here must restore what it changed.
/// </summary>
[CollectionDefinition(nameof(ProcessWideState), DisableParallelization = true)]
public sealed class ProcessWideState;
