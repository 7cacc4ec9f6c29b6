namespace StudentRecords.Synth.Constructs.Service;

/// <summary>What the service needs to reach its database; the password comes from the secret at task start.</summary>
/// <param name="SecretKeyArn">The key that decrypts the secret in this region.</param>
public sealed record DatabaseConnection(string Endpoint, int Port, string Name, string Username, string SecretArn, string SecretKeyArn);
