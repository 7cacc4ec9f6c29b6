namespace StudentRecords.Synth.Output;

/// <summary>The platform's Lambda packages, built once per synth (constructs read no files).</summary>
/// <param name="Recovery">synth/Lambda/recovery: the standby's readiness and drill reports.</param>
/// <param name="OriginSecret">synth/Lambda/origin-secret: the primary's rotation of the origin header's value.</param>
public sealed record FunctionPackages(LambdaPackage Recovery, LambdaPackage OriginSecret);
