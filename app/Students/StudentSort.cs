namespace StudentRecords.App.Students;

/// <summary>The columns the list can be sorted by.</summary>
public enum StudentSort
{
    Name,
    Email,
    Age,
    Course,
    Enrolled,
}
