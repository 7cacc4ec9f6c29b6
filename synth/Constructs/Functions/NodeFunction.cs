using Constructs;
using HashiCorp.Cdktf;
using HashiCorp.Cdktf.Providers.Aws.LambdaFunction;
using StudentRecords.Synth.Constructs.Observability;
using StudentRecords.Synth.Constructs.Security;

namespace StudentRecords.Synth.Constructs.Functions;

/// <summary>
/// One of the platform's Lambdas (synth/Lambda/: the recovery reports, the origin header's rotation), on the Node.js
/// runtime, whose AWS SDK v3 is built in: nothing is bundled. None needs reserved concurrency, which a new
/// account's quota of 10 could not grant (unreserved concurrency may not fall below 10).
/// </summary>
public sealed class NodeFunction : Construct
{
    public const string Runtime = "nodejs22.x";

    public NodeFunction(Construct scope, string id, NodeFunctionConfig config) : base(scope, id)
    {
        var code = new TerraformAsset(this, "code", new TerraformAssetConfig { Path = config.Package.Path, Type = AssetType.FILE });
        var logs = new EncryptedLogGroup(this, "logs", new EncryptedLogGroupConfig
        {
            Name = $"/aws/lambda/{config.Name}",
            KmsKeyArn = config.KmsKeyArn,
            RetentionDays = config.LogRetentionDays
        });
        var role = new ServiceRole(this, "role", new ServiceRoleConfig
        {
            Name = config.Name,
            Service = "lambda.amazonaws.com",
            Statements = [PolicyStatements.Allow("WriteOwnLogs", ["logs:CreateLogStream", "logs:PutLogEvents"], [$"{logs.Arn}:*"]), .. config.Permissions],
            ManagedPolicyArns = [$"arn:{config.Partition}:iam::aws:policy/AWSXRayDaemonWriteAccess"]
        });
        var function = new LambdaFunction(this, "function", new LambdaFunctionConfig
        {
            FunctionName = config.Name,
            Description = config.Description,
            Runtime = Runtime,
            Handler = $"index.{config.Handler}",
            Filename = code.Path,
            SourceCodeHash = config.Package.Base64Sha256,
            Role = role.Arn,
            Timeout = 60, // a handful of API calls
            MemorySize = 256,
            KmsKeyArn = config.KmsKeyArn,
            TracingConfig = new LambdaFunctionTracingConfig { Mode = "Active" },
            Environment = new LambdaFunctionEnvironment { Variables = new Dictionary<string, string>(config.Environment) },
            LoggingConfig = new LambdaFunctionLoggingConfig { LogFormat = "JSON", LogGroup = logs.Name },
        });
        FunctionName = function.FunctionName;
        Arn = function.Arn;
    }

    public string FunctionName { get; }

    public string Arn { get; }
}
