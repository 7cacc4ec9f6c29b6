using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StudentRecords.App.Data.Migrations.MySql
{
    /// <inheritdoc />
    public partial class SortIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_students_Age",
                table: "students",
                column: "Age");

            migrationBuilder.CreateIndex(
                name: "IX_students_EnrolmentDate",
                table: "students",
                column: "EnrolmentDate");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_students_Age",
                table: "students");

            migrationBuilder.DropIndex(
                name: "IX_students_EnrolmentDate",
                table: "students");
        }
    }
}
