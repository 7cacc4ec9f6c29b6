using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StudentRecords.App.Data.Migrations.MySql
{
    /// <inheritdoc />
    public partial class SearchTerms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "student_search_terms",
                columns: table => new
                {
                    Term = table.Column<string>(type: "varchar(254)", maxLength: 254, nullable: false, collation: "utf8mb4_bin")
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    StudentId = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_student_search_terms", x => new { x.Term, x.StudentId });
                    table.ForeignKey(
                        name: "FK_student_search_terms_students_StudentId",
                        column: x => x.StudentId,
                        principalTable: "students",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateIndex(
                name: "IX_student_search_terms_StudentId_Term",
                table: "student_search_terms",
                columns: new[] { "StudentId", "Term" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "student_search_terms");
        }
    }
}
