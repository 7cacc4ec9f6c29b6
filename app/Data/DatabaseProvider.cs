namespace StudentRecords.App.Data;

public enum DatabaseProvider
{
    Sqlite,
    MySql,
}
