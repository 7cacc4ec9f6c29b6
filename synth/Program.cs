// Entry point: the only place that reads the process environment. It composes; the work is elsewhere.
using StudentRecords.Synth;
using StudentRecords.Synth.Output;

var environments = Environment.GetEnvironmentVariable("SRP_ENVIRONMENTS") ?? "environments";
var output = Environment.GetEnvironmentVariable("CDKTF_OUTDIR") ?? "cdktf.out";
var imageTag = Environment.GetEnvironmentVariable("SRP_IMAGE_TAG") ?? PlatformApp.DefaultImageTag;
using var temp = ProcessTempFolder.Enter();
return await SynthCommand.Create(environments, output, imageTag).Parse(args).InvokeAsync();
