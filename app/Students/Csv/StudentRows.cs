using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using StudentRecords.App.Data;

namespace StudentRecords.App.Students.Csv;

/// <summary>
/// Inserts many students with multi-row INSERTs, in the caller's transaction. EF Core's own inserts
/// read each new id back one row at a time, which made 100,000 rows take minutes; table, column names
/// and parameter types still come from EF Core's model, so this SQL follows the model on both providers.
/// The rows' search terms are the caller's to add (StudentImport does, with SearchTermBackfill).
/// </summary>
public static class StudentRows
{
    /// <summary>Rows per statement: 6 parameters each stays far below SQLite's 32,766 and MySQL's 65,535.</summary>
    public const int RowsPerInsert = 500;

    private static readonly string[] Columns =
        [nameof(Student.FullName), nameof(Student.Email), nameof(Student.Age), nameof(Student.Course), nameof(Student.EnrolmentDate), nameof(Student.Version)];

    public static async Task InsertAsync(RecordsDbContext db, IReadOnlyList<Student> students, CancellationToken cancellation)
    {
        var entity = db.Model.FindEntityType(typeof(Student))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var properties = Columns.Select(name => entity.FindProperty(name)!).ToArray();
        var sql = db.GetService<ISqlGenerationHelper>();
        var into = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)))}) VALUES ";
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction() ?? throw new InvalidOperationException("Inserting students in bulk needs a transaction.");

        foreach (var batch in students.Chunk(RowsPerInsert))
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var text = new StringBuilder(into);
            for (var row = 0; row < batch.Length; row++)
            {
                text.Append(row == 0 ? "(" : ", (");
                for (var column = 0; column < properties.Length; column++)
                {
                    var name = $"@p{row * properties.Length + column}";
                    text.Append(column == 0 ? name : ", " + name);
                    command.Parameters.Add(Parameter(command, properties[column], name, batch[row]));
                }
                text.Append(')');
            }
            command.CommandText = text.ToString();
            await command.ExecuteNonQueryAsync(cancellation);
        }
    }

    /// <summary>The value as the provider stores it (a Guid as text on SQLite, say), through the model's own type mapping.</summary>
    private static DbParameter Parameter(DbCommand command, IProperty property, string name, Student student) =>
        property.GetRelationalTypeMapping().CreateParameter(command, name, property.GetGetter().GetClrValue(student), nullable: false);
}
