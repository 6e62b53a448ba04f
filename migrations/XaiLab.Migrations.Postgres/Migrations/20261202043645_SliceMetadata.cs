using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace XaiLab.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class SliceMetadata : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "MetadataJson",
                table: "Slices",
                type: "text",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "MetadataJson",
                table: "Slices");
        }
    }
}
