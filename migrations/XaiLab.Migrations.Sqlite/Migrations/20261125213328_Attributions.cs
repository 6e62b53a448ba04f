using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace XaiLab.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Attributions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AttributionRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RunIds = table.Column<string>(type: "TEXT", nullable: false),
                    Methods = table.Column<string>(type: "TEXT", nullable: false),
                    SliceIds = table.Column<string>(type: "TEXT", nullable: false),
                    Steps = table.Column<int>(type: "INTEGER", nullable: true),
                    InternalBatchSize = table.Column<int>(type: "INTEGER", nullable: true),
                    Seed = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Total = table.Column<int>(type: "INTEGER", nullable: false),
                    Done = table.Column<int>(type: "INTEGER", nullable: false),
                    Computed = table.Column<int>(type: "INTEGER", nullable: false),
                    MapIds = table.Column<string>(type: "TEXT", nullable: false),
                    Error = table.Column<string>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AttributionRequests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StoredAttributions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RunId = table.Column<int>(type: "INTEGER", nullable: false),
                    SliceId = table.Column<int>(type: "INTEGER", nullable: false),
                    Method = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ParametersHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Parameters = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CacheKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Target = table.Column<int>(type: "INTEGER", nullable: false),
                    Channels = table.Column<int>(type: "INTEGER", nullable: false),
                    Height = table.Column<int>(type: "INTEGER", nullable: false),
                    Width = table.Column<int>(type: "INTEGER", nullable: false),
                    OverlayPath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    ValuesPath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    DurationSeconds = table.Column<double>(type: "REAL", nullable: false),
                    ClipValue = table.Column<double>(type: "REAL", nullable: false),
                    MaskFraction = table.Column<double>(type: "REAL", nullable: true),
                    PointingGame = table.Column<bool>(type: "INTEGER", nullable: true),
                    RelevanceMass = table.Column<double>(type: "REAL", nullable: true),
                    RelevanceRank = table.Column<double>(type: "REAL", nullable: true),
                    IouTop5 = table.Column<double>(type: "REAL", nullable: true),
                    IouTop10 = table.Column<double>(type: "REAL", nullable: true),
                    IouTop20 = table.Column<double>(type: "REAL", nullable: true),
                    IouTop30 = table.Column<double>(type: "REAL", nullable: true),
                    DiceTop5 = table.Column<double>(type: "REAL", nullable: true),
                    DiceTop10 = table.Column<double>(type: "REAL", nullable: true),
                    DiceTop20 = table.Column<double>(type: "REAL", nullable: true),
                    DiceTop30 = table.Column<double>(type: "REAL", nullable: true),
                    Auc = table.Column<double>(type: "REAL", nullable: true),
                    DeletionAuc = table.Column<double>(type: "REAL", nullable: false),
                    InsertionAuc = table.Column<double>(type: "REAL", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StoredAttributions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StoredAttributions_Runs_RunId",
                        column: x => x.RunId,
                        principalTable: "Runs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_StoredAttributions_Slices_SliceId",
                        column: x => x.SliceId,
                        principalTable: "Slices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_StoredAttributions_CacheKey",
                table: "StoredAttributions",
                column: "CacheKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StoredAttributions_RunId_Method_SliceId",
                table: "StoredAttributions",
                columns: new[] { "RunId", "Method", "SliceId" });

            migrationBuilder.CreateIndex(
                name: "IX_StoredAttributions_SliceId",
                table: "StoredAttributions",
                column: "SliceId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AttributionRequests");

            migrationBuilder.DropTable(
                name: "StoredAttributions");
        }
    }
}
