using Constructs;
using HashiCorp.Cdktf.Providers.Aws.SecretsmanagerSecretRotation;
using HashiCorp.Cdktf.Providers.Aws.ServerlessapplicationrepositoryCloudformationStack;

namespace StudentRecords.Synth.Constructs.Database;

/// <summary>
/// Rotates the master password every <see cref="DatabaseRotationConfig.RotationDays"/> days with AWS's published
/// single-user rotation function for MySQL (Serverless Application Repository), deployed in the VPC's private
/// subnets: it reads the secret from Secrets Manager and changes the password on the cluster. Secrets Manager
/// replicates the new value to the standbys' replicas, and the password change replicates to their databases
/// with the binlog (or the global database's storage), so DR keeps working after a rotation.
/// </summary>
public sealed class DatabaseRotation : Construct
{
    /// <summary>AWS's application, in AWS's own account; its template's Lambda runs Python and creates its role.</summary>
    public const string ApplicationId = "arn:aws:serverlessrepo:us-east-1:297356227824:applications/SecretsManagerRDSMySQLRotationSingleUser";

    /// <summary>Pinned (the version AWS CDK's rotation construct pins for the aws partition), so an apply never changes the function unreviewed.</summary>
    public const string ApplicationVersion = "1.1.671";

    public DatabaseRotation(Construct scope, string id, DatabaseRotationConfig config) : base(scope, id)
    {
        var function = new ServerlessapplicationrepositoryCloudformationStack(this, "function", new ServerlessapplicationrepositoryCloudformationStackConfig
        {
            Name = $"{config.Name}-database-rotation",
            ApplicationId = ApplicationId,
            SemanticVersion = ApplicationVersion,
            Capabilities = ["CAPABILITY_IAM", "CAPABILITY_RESOURCE_POLICY"],
            Parameters = new Dictionary<string, string>
            {
                ["functionName"] = $"{config.Name}-database-rotation",
                ["endpoint"] = $"https://secretsmanager.{config.Region}.amazonaws.com",
                ["vpcSubnetIds"] = string.Join(",", config.SubnetIds),
                ["vpcSecurityGroupIds"] = config.SecurityGroupId,
                ["kmsKeyArn"] = config.KmsKeyArn, // the secret's key: the function decrypts and re-encrypts with it
                ["excludeCharacters"] = DatabaseCredentials.ExcludedCharacters, // rotated passwords keep out what the first one does
            },
        });
        new SecretsmanagerSecretRotation(this, "rotation", new SecretsmanagerSecretRotationConfig
        {
            SecretId = config.SecretArn,
            RotationLambdaArn = function.Outputs.Lookup("RotationLambdaARN"),
            RotationRules = new SecretsmanagerSecretRotationRotationRules { AutomaticallyAfterDays = config.RotationDays },
            // Enabling rotation would rotate at once, while the first apply may still be creating the cluster's
            // instances and the function's way to them: the first rotation waits for the schedule instead.
            RotateImmediately = false,
            DependsOn = [config.FirstValue],
        });
    }
}
