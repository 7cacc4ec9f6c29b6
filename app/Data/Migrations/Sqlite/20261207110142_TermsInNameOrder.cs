using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StudentRecords.App.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TermsInNameOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Every term is written again, by the start's backfill (SearchTermBackfill): with its student's name,
            // and an address as "@" and the address. One tokenizer writes them all, as it writes a new student's.
            migrationBuilder.Sql("DELETE FROM student_search_terms;");

            migrationBuilder.AddColumn<string>(
                name: "FullName",
                table: "student_search_terms",
                type: "TEXT",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_student_search_terms_Term_FullName_StudentId",
                table: "student_search_terms",
                columns: new[] { "Term", "FullName", "StudentId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_student_search_terms_Term_FullName_StudentId",
                table: "student_search_terms");

            migrationBuilder.DropColumn(
                name: "FullName",
                table: "student_search_terms");
        }
    }
}
