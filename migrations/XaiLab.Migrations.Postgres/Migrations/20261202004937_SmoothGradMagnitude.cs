using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace XaiLab.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class SmoothGradMagnitude : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Requests made before this column computed SmoothGrad as the signed mean: false keeps what they were.
            migrationBuilder.AddColumn<bool>(
                name: "SmoothGradMagnitude",
                table: "AttributionRequests",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SmoothGradMagnitude",
                table: "AttributionRequests");
        }
    }
}
