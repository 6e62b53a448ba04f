using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace XaiLab.Migrations.Postgres.Migrations
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
                type: "text",
                nullable: false,
                defaultValue: "[]");
            // Until now the import's notices ("3 files skipped: …") were kept among the split warnings: move them.
            migrationBuilder.Sql(@"
                UPDATE ""Datasets"" SET
                    ""ImportNotices"" = COALESCE((SELECT json_agg(w)::text FROM json_array_elements_text(""Warnings""::json) AS w WHERE w LIKE '% skipped: %'), '[]'),
                    ""Warnings"" = COALESCE((SELECT json_agg(w)::text FROM json_array_elements_text(""Warnings""::json) AS w WHERE w NOT LIKE '% skipped: %'), '[]');");
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
