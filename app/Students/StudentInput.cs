using System.ComponentModel.DataAnnotations;
using StudentRecords.App.Data;

namespace StudentRecords.App.Students;

/// <summary>What the create and edit forms post, with the rules each field must meet.</summary>
public sealed class StudentInput : IValidatableObject
{
    public const int MinAge = 16;
    public const int MaxAge = 100;

    [Required, Display(Name = "Full name")]
    [StringLength(RecordsDbContext.NameMaxLength, MinimumLength = 2)]
    [PersonName]
    public string FullName { get; set; } = "";

    [Required, Display(Name = "E-mail")]
    [StringLength(RecordsDbContext.EmailMaxLength)]
    [EmailAddress]
    public string Email { get; set; } = "";

    [Required]
    [Range(MinAge, MaxAge, ErrorMessage = "Age must be between {1} and {2}.")]
    public int? Age { get; set; }

    [Required, Display(Name = "Course or programme")]
    [StringLength(RecordsDbContext.CourseMaxLength, MinimumLength = 2)]
    public string Course { get; set; } = "";

    [Required, Display(Name = "Enrolment date"), DataType(DataType.Date)]
    public DateOnly? EnrolmentDate { get; set; }

    /// <summary>The record's version when the form was shown; an edit against an older one is refused.</summary>
    public Guid Version { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        if (EnrolmentDate is { } date && (date.Year < 1950 || date > today.AddYears(1)))
            yield return new ValidationResult($"Enrolment date must be between 1950 and {today.AddYears(1):yyyy-MM-dd}.", [nameof(EnrolmentDate)]);
    }

    public static StudentInput From(Student s) => new()
    {
        FullName = s.FullName,
        Email = s.Email,
        Age = s.Age,
        Course = s.Course,
        EnrolmentDate = s.EnrolmentDate,
        Version = s.Version,
    };

    /// <summary>Copies the validated form onto the record; the e-mail is normalised so uniqueness ignores case.</summary>
    public void ApplyTo(Student s)
    {
        s.FullName = FullName.Trim();
        s.Email = NormaliseEmail(Email);
        s.Age = Age!.Value;
        s.Course = Course.Trim();
        s.EnrolmentDate = EnrolmentDate!.Value;
        s.Version = Guid.NewGuid();
    }

    public static string NormaliseEmail(string email) => email.Trim().ToLowerInvariant();
}
