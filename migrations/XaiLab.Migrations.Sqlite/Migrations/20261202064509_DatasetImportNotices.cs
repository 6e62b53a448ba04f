using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace XaiLab.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DatasetImportNotices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ImportNotices",
                table: "Datasets",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");
            // Until now the import's notices ("3 files skipped: …") were kept among the split warnings: move them.
            migrationBuilder.Sql(@"
                UPDATE ""Datasets"" SET
                    ""ImportNotices"" = (SELECT json_group_array(value) FROM json_each(""Warnings"") WHERE value LIKE '% skipped: %'),
                    ""Warnings"" = (SELECT json_group_array(value) FROM json_each(""Warnings"") WHERE value NOT LIKE '% skipped: %');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ImportNotices",
                table: "Datasets");
        }
    }
}
