using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Search.Benchmarks;

// BenchmarkDotNet's own arguments pass through (--filter, --list flat, --artifacts ...); without --filter, every
// benchmark runs (BenchmarkDotNet would otherwise ask which, on the console).
// --smoke: each benchmark once, on the sample corpus: CI runs it so that the benchmarks keep working.
var smoke = args.Contains("--smoke");
BenchmarkData.SampleOnly = smoke;
var rest = args.Where(arg => arg != "--smoke").ToArray();

// In process: no generated project to build, so it runs offline and from any checkout.
var job = (smoke ? Job.Dry : Job.Default).WithToolchain(InProcessEmitToolchain.Instance);
var config = ManualConfig.Create(DefaultConfig.Instance)
    .AddJob(job.AsDefault())
    .WithOptions(smoke ? ConfigOptions.DisableOptimizationsValidator : ConfigOptions.Default); // CI's smoke runs a Debug build
var summaries = BenchmarkSwitcher.FromAssembly(typeof(BenchmarkData).Assembly).Run(rest.Contains("--filter") || rest.Contains("--list") ? rest : [.. rest, "--filter", "*"], config);
return summaries.Any(summary => summary.HasCriticalValidationErrors || summary.Reports.Any(report => !report.Success)) ? 1 : 0;
