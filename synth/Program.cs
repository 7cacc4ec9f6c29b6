// Entry point: the only place that reads the process environment. It composes; the work is elsewhere.
using StudentRecords.Synth;
using StudentRecords.Synth.Output;

var environments = Environment.GetEnvironmentVariable("SRP_ENVIRONMENTS") ?? "environments";
var output = Environment.GetEnvironmentVariable("CDKTF_OUTDIR") ?? "cdktf.out";
using var temp = ProcessTempFolder.Enter();
return SynthCommand.Create(environments, output).Parse(args).Invoke();
