using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace StudentRecords.App.Data;

/// <summary>
/// The records database. Each provider has a subclass of its own so each keeps its own migrations.
/// It also keeps ASP.NET's data-protection keys, so every task behind the load balancer accepts the
/// antiforgery tokens and cookies the others issued.
/// </summary>
public abstract class RecordsDbContext(DbContextOptions options) : DbContext(options), IDataProtectionKeyContext
{
    public const int NameMaxLength = 100;
    public const int EmailMaxLength = 254;
    public const int CourseMaxLength = 100;

    public DbSet<Student> Students => Set<Student>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        var student = modelBuilder.Entity<Student>();
        student.ToTable("students");
        student.Property(s => s.FullName).HasMaxLength(NameMaxLength).IsRequired();
        student.Property(s => s.Email).HasMaxLength(EmailMaxLength).IsRequired();
        student.Property(s => s.Course).HasMaxLength(CourseMaxLength).IsRequired();
        student.Property(s => s.Version).IsConcurrencyToken();
        student.HasIndex(s => s.Email).IsUnique();
        student.HasIndex(s => s.FullName);
        student.HasIndex(s => s.Course);
        student.HasIndex(s => s.Age); // every sortable column has an index: the list reads 20 rows, not all
        student.HasIndex(s => s.EnrolmentDate);
    }
}
