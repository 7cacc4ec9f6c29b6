namespace StudentRecords.Model;

/// <summary>Primary serves traffic; a standby is the pilot light that takes over on failover.</summary>
public enum EnvironmentRole
{
    Primary,
    Standby,
}
