using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace XaiLab.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SaliencyStepAsAttributionRequest : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The training step's maps become stored attributions of an attribution request; the old rows go, and
            // SaliencyBackfill queues the step's request for every succeeded run at the next start (same maps, now scored).
            migrationBuilder.DropTable(
                name: "SaliencyMaps");

            migrationBuilder.AddColumn<int>(
                name: "TrainingRunId",
                table: "AttributionRequests",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_AttributionRequests_TrainingRunId",
                table: "AttributionRequests",
                column: "TrainingRunId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AttributionRequests_TrainingRunId",
                table: "AttributionRequests");

            migrationBuilder.DropColumn(
                name: "TrainingRunId",
                table: "AttributionRequests");

            migrationBuilder.CreateTable(
                name: "SaliencyMaps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RunId = table.Column<int>(type: "INTEGER", nullable: false),
                    SliceId = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DurationSeconds = table.Column<double>(type: "REAL", nullable: false),
                    Method = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    OverlayPath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Target = table.Column<int>(type: "INTEGER", nullable: false),
                    ValuesPath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SaliencyMaps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SaliencyMaps_Runs_RunId",
                        column: x => x.RunId,
                        principalTable: "Runs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SaliencyMaps_Slices_SliceId",
                        column: x => x.SliceId,
                        principalTable: "Slices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SaliencyMaps_RunId_SliceId_Method",
                table: "SaliencyMaps",
                columns: new[] { "RunId", "SliceId", "Method" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SaliencyMaps_SliceId",
                table: "SaliencyMaps",
                column: "SliceId");
        }
    }
}
