using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace XaiLab.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Embeddings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Embeddings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DatasetId = table.Column<int>(type: "INTEGER", nullable: false),
                    RunId = table.Column<int>(type: "INTEGER", nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Projection = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Split = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Perplexity = table.Column<double>(type: "REAL", nullable: false),
                    Iterations = table.Column<int>(type: "INTEGER", nullable: false),
                    Seed = table.Column<int>(type: "INTEGER", nullable: false),
                    CacheKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Progress = table.Column<double>(type: "REAL", nullable: false),
                    Error = table.Column<string>(type: "TEXT", nullable: true),
                    PointsPath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    PointCount = table.Column<int>(type: "INTEGER", nullable: false),
                    FeatureCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Trustworthiness = table.Column<double>(type: "REAL", nullable: true),
                    KnnAccuracy2d = table.Column<double>(type: "REAL", nullable: true),
                    KnnAccuracyFeatures = table.Column<double>(type: "REAL", nullable: true),
                    Silhouette = table.Column<double>(type: "REAL", nullable: true),
                    DurationSeconds = table.Column<double>(type: "REAL", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Embeddings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Embeddings_Datasets_DatasetId",
                        column: x => x.DatasetId,
                        principalTable: "Datasets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Embeddings_Runs_RunId",
                        column: x => x.RunId,
                        principalTable: "Runs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Embeddings_CacheKey",
                table: "Embeddings",
                column: "CacheKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Embeddings_DatasetId",
                table: "Embeddings",
                column: "DatasetId");

            migrationBuilder.CreateIndex(
                name: "IX_Embeddings_RunId",
                table: "Embeddings",
                column: "RunId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Embeddings");
        }
    }
}
