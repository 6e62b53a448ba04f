using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace XaiLab.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DatasetImports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ImportJobId",
                table: "Datasets",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "ImportProgress",
                table: "Datasets",
                type: "REAL",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<string>(
                name: "SplitPreset",
                table: "Datasets",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "UploadPath",
                table: "Datasets",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Slices_DatasetId_ContentHash",
                table: "Slices",
                columns: new[] { "DatasetId", "ContentHash" });

            migrationBuilder.CreateIndex(
                name: "IX_Slices_DatasetId_Label_Index",
                table: "Slices",
                columns: new[] { "DatasetId", "Label", "Index" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Slices_DatasetId_ContentHash",
                table: "Slices");

            migrationBuilder.DropIndex(
                name: "IX_Slices_DatasetId_Label_Index",
                table: "Slices");

            migrationBuilder.DropColumn(
                name: "ImportJobId",
                table: "Datasets");

            migrationBuilder.DropColumn(
                name: "ImportProgress",
                table: "Datasets");

            migrationBuilder.DropColumn(
                name: "SplitPreset",
                table: "Datasets");

            migrationBuilder.DropColumn(
                name: "UploadPath",
                table: "Datasets");
        }
    }
}
