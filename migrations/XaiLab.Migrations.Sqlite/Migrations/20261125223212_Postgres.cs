using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace XaiLab.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// Adds <c>ExecutedBy</c> (the node that executed the job) to Runs and AttributionRequests. Its name says when it came
    /// (with PostgreSQL support), not what it adds; it keeps the name because existing databases record the migration id
    /// "20261125223212_Postgres" in __EFMigrationsHistory, and a renamed id would be applied a second time.
    /// </summary>
    public partial class Postgres : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ExecutedBy",
                table: "Runs",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ExecutedBy",
                table: "AttributionRequests",
                type: "TEXT",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ExecutedBy",
                table: "Runs");

            migrationBuilder.DropColumn(
                name: "ExecutedBy",
                table: "AttributionRequests");
        }
    }
}
