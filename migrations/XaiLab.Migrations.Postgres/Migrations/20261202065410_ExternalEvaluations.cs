using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace XaiLab.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ExternalEvaluations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RunEvaluations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TeamId = table.Column<int>(type: "integer", nullable: false),
                    RunId = table.Column<int>(type: "integer", nullable: false),
                    DatasetId = table.Column<int>(type: "integer", nullable: false),
                    Split = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ClassMapJson = table.Column<string>(type: "text", nullable: false, defaultValue: "{}"),
                    ClassMapGiven = table.Column<bool>(type: "boolean", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Progress = table.Column<double>(type: "double precision", nullable: false),
                    Samples = table.Column<int>(type: "integer", nullable: false),
                    MetricsJson = table.Column<string>(type: "text", nullable: true),
                    Error = table.Column<string>(type: "text", nullable: true),
                    DurationSeconds = table.Column<double>(type: "double precision", nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    FinishedAt = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RunEvaluations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RunEvaluations_Datasets_DatasetId",
                        column: x => x.DatasetId,
                        principalTable: "Datasets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RunEvaluations_Runs_RunId",
                        column: x => x.RunId,
                        principalTable: "Runs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RunEvaluations_Teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EvaluationPredictions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EvaluationId = table.Column<int>(type: "integer", nullable: false),
                    SliceId = table.Column<int>(type: "integer", nullable: false),
                    Label = table.Column<int>(type: "integer", nullable: false),
                    Predicted = table.Column<int>(type: "integer", nullable: false),
                    Probabilities = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvaluationPredictions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvaluationPredictions_RunEvaluations_EvaluationId",
                        column: x => x.EvaluationId,
                        principalTable: "RunEvaluations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_EvaluationPredictions_Slices_SliceId",
                        column: x => x.SliceId,
                        principalTable: "Slices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationPredictions_EvaluationId_SliceId",
                table: "EvaluationPredictions",
                columns: new[] { "EvaluationId", "SliceId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationPredictions_SliceId",
                table: "EvaluationPredictions",
                column: "SliceId");

            migrationBuilder.CreateIndex(
                name: "IX_RunEvaluations_DatasetId",
                table: "RunEvaluations",
                column: "DatasetId");

            migrationBuilder.CreateIndex(
                name: "IX_RunEvaluations_RunId",
                table: "RunEvaluations",
                column: "RunId");

            migrationBuilder.CreateIndex(
                name: "IX_RunEvaluations_TeamId",
                table: "RunEvaluations",
                column: "TeamId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EvaluationPredictions");

            migrationBuilder.DropTable(
                name: "RunEvaluations");
        }
    }
}
