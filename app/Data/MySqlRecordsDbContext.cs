using Microsoft.EntityFrameworkCore;

namespace StudentRecords.App.Data;

/// <summary>Aurora MySQL 8.0 in AWS, MariaDB in tests.</summary>
public sealed class MySqlRecordsDbContext(DbContextOptions<MySqlRecordsDbContext> options) : RecordsDbContext(options);
