using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using StudentRecords.App.Audit;
using StudentRecords.App.Identity;
using StudentRecords.App.Students.Csv;
using StudentRecords.App.Students.Search;

namespace StudentRecords.App.Data;

/// <summary>
/// The records database. Each provider has a subclass of its own so each keeps its own migrations.
/// Besides the students it keeps everything that must survive a failover with them: staff accounts
/// and roles (Identity), the audit trail, and ASP.NET's data-protection keys, so every task behind
/// the load balancer, and DR after a failover, accepts the cookies and tokens the others issued.
/// </summary>
public abstract class RecordsDbContext(DbContextOptions options) : IdentityDbContext<StaffUser, IdentityRole, string>(options), IDataProtectionKeyContext
{
    public const int NameMaxLength = 100;
    public const int EmailMaxLength = 254;
    public const int CourseMaxLength = 100;

    public DbSet<Student> Students => Set<Student>();

    public DbSet<StudentSearchTerm> StudentSearchTerms => Set<StudentSearchTerm>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<ImportUpload> ImportUploads => Set<ImportUpload>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<IdentityRole>().HasData(StaffRoles.Seed());

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

        var term = modelBuilder.Entity<StudentSearchTerm>();
        term.ToTable("student_search_terms");
        term.HasKey(t => new { t.Term, t.StudentId }); // a prefix search is a range seek in this key
        term.Property(t => t.Term).HasMaxLength(SearchText.MaxTermLength);
        term.Property(t => t.FullName).HasMaxLength(NameMaxLength); // compared as students.FullName is: the same default collation
        term.HasIndex(t => new { t.StudentId, t.Term }); // a student's own terms: the AND of several words, and edits
        term.HasIndex(t => new { t.Term, t.FullName, t.StudentId }); // a term's students in name order (NameOrderedSearch)
        term.HasOne(t => t.Student).WithMany().HasForeignKey(t => t.StudentId).OnDelete(DeleteBehavior.Cascade);

        var audit = modelBuilder.Entity<AuditEntry>();
        audit.ToTable("audit_entries");
        audit.Property(a => a.Actor).HasMaxLength(AuditEntry.ActorMaxLength).IsRequired();
        audit.Property(a => a.Action).HasConversion<string>().HasMaxLength(20);
        audit.Property(a => a.StudentName).HasMaxLength(NameMaxLength).IsRequired();
        audit.Property(a => a.Details).IsRequired();
        audit.HasIndex(a => new { a.StudentId, a.Id }); // a student's history, newest first

        var upload = modelBuilder.Entity<ImportUpload>();
        upload.ToTable("import_uploads");
        upload.Property(u => u.Actor).HasMaxLength(AuditEntry.ActorMaxLength).IsRequired();
        upload.Property(u => u.FileName).HasMaxLength(ImportUpload.FileNameMaxLength).IsRequired();
        upload.HasIndex(u => u.UploadedUtc); // expired uploads are removed by age
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RefuseAuditRewrites();
        await SearchTermMaintenance.BeforeSaveAsync(this, cancellationToken);
        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RefuseAuditRewrites();
        SearchTermMaintenance.BeforeSave(this);
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    /// <summary>The trail is append-only: nothing in the app may change or remove an entry.</summary>
    private void RefuseAuditRewrites()
    {
        if (ChangeTracker.Entries<AuditEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
            throw new InvalidOperationException("Audit entries are append-only: they cannot be changed or deleted.");
    }
}
