namespace StudentRecords.Model;

/// <summary>How private subnets reach the internet: not at all (pilot light), through one NAT gateway, or one per AZ.</summary>
public enum NatMode
{
    None,
    Single,
    PerAz,
}
