using StudentRecords.App.Data;

namespace StudentRecords.App.Students;

public sealed record StudentPage(IReadOnlyList<Student> Items, int Page, int PageCount, int Total);
