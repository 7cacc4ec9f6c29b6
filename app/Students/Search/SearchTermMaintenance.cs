using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using StudentRecords.App.Data;

namespace StudentRecords.App.Students.Search;

/// <summary>
/// Keeps a student's search terms in step with the student, in the SaveChanges that writes the student
/// (so in its transaction): an added student gets its terms, a changed name, e-mail or course replaces
/// them (a new name is also copied into the terms kept), and a deleted student's go with it (ON DELETE CASCADE).
/// </summary>
public static class SearchTermMaintenance
{
    public static async Task BeforeSaveAsync(RecordsDbContext db, CancellationToken cancellation)
    {
        foreach (var student in AddTermsOfNewAndFindChanged(db))
            Replace(db, student, await db.StudentSearchTerms.Where(t => t.StudentId == student.Id).ToListAsync(cancellation));
    }

    public static void BeforeSave(RecordsDbContext db)
    {
        foreach (var student in AddTermsOfNewAndFindChanged(db))
            Replace(db, student, [.. db.StudentSearchTerms.Where(t => t.StudentId == student.Id)]);
    }

    /// <summary>Gives added students their terms and returns the changed ones whose terms must be replaced.</summary>
    private static List<Student> AddTermsOfNewAndFindChanged(RecordsDbContext db)
    {
        var changed = new List<Student>();
        foreach (var entry in db.ChangeTracker.Entries<Student>().ToList())
        {
            if (entry.State == EntityState.Added) AddTermsOfNew(db, entry.Entity);
            else if (entry.State == EntityState.Modified && SearchedValuesChanged(entry)) changed.Add(entry.Entity);
        }
        return changed;
    }

    private static void AddTermsOfNew(RecordsDbContext db, Student student)
    {
        // A save that failed leaves the student Added with its terms; the retry must not add them twice.
        if (db.ChangeTracker.Entries<StudentSearchTerm>().Any(e => e.Entity.Student == student)) return;
        foreach (var term in StudentSearchTerms.For(0, student.FullName, student.Email, student.Course))
        {
            term.Student = student; // EF copies the generated id into StudentId when it inserts the student
            db.StudentSearchTerms.Add(term);
        }
    }

    private static bool SearchedValuesChanged(EntityEntry<Student> entry) =>
        IsChanged(entry.Property(s => s.FullName)) || IsChanged(entry.Property(s => s.Email)) || IsChanged(entry.Property(s => s.Course));

    private static bool IsChanged(PropertyEntry<Student, string> property) =>
        property.IsModified && !string.Equals(property.OriginalValue, property.CurrentValue, StringComparison.Ordinal);

    /// <summary>Deletes the stored terms the student no longer has, adds the ones it has gained and renames the rest.</summary>
    private static void Replace(RecordsDbContext db, Student student, List<StudentSearchTerm> stored)
    {
        var wanted = StudentSearchTerms.For(student.Id, student.FullName, student.Email, student.Course);
        var wantedTerms = wanted.Select(t => t.Term).ToHashSet(StringComparer.Ordinal);
        var storedTerms = stored.Select(t => t.Term).ToHashSet(StringComparer.Ordinal);
        db.StudentSearchTerms.RemoveRange(stored.Where(t => !wantedTerms.Contains(t.Term)));
        db.StudentSearchTerms.AddRange(wanted.Where(t => !storedTerms.Contains(t.Term)));
        foreach (var kept in stored.Where(t => wantedTerms.Contains(t.Term))) kept.FullName = student.FullName;
    }
}
