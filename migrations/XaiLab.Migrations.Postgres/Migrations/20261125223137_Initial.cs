using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace XaiLab.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AttributionRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RunIds = table.Column<List<int>>(type: "integer[]", nullable: false),
                    Methods = table.Column<List<string>>(type: "text[]", nullable: false),
                    SliceIds = table.Column<List<int>>(type: "integer[]", nullable: false),
                    Steps = table.Column<int>(type: "integer", nullable: true),
                    InternalBatchSize = table.Column<int>(type: "integer", nullable: true),
                    Seed = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Total = table.Column<int>(type: "integer", nullable: false),
                    Done = table.Column<int>(type: "integer", nullable: false),
                    Computed = table.Column<int>(type: "integer", nullable: false),
                    MapIds = table.Column<List<int>>(type: "integer[]", nullable: false),
                    Error = table.Column<string>(type: "text", nullable: true),
                    ExecutedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    FinishedAt = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AttributionRequests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Teams",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:IdentitySequenceOptions", "'2', '1', '', '', 'False', '1'")
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Teams", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Datasets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TeamId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Source = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Error = table.Column<string>(type: "text", nullable: true),
                    ClassNames = table.Column<string>(type: "text", nullable: false),
                    SliceCount = table.Column<int>(type: "integer", nullable: false),
                    PatientCount = table.Column<int>(type: "integer", nullable: false),
                    WithMasks = table.Column<bool>(type: "boolean", nullable: false),
                    VersionHash = table.Column<string>(type: "text", nullable: true),
                    SplitSeed = table.Column<int>(type: "integer", nullable: false),
                    SplitPreset = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ImportProgress = table.Column<double>(type: "double precision", nullable: false),
                    ImportJobId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    UploadPath = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Datasets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Datasets_Teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Runs",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TeamId = table.Column<int>(type: "integer", nullable: false),
                    DatasetId = table.Column<int>(type: "integer", nullable: false),
                    Architecture = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Epochs = table.Column<int>(type: "integer", nullable: false),
                    ImageSize = table.Column<int>(type: "integer", nullable: false),
                    BatchSize = table.Column<int>(type: "integer", nullable: false),
                    LearningRate = table.Column<double>(type: "double precision", nullable: false),
                    Seed = table.Column<int>(type: "integer", nullable: false),
                    Device = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ConfigJson = table.Column<string>(type: "text", nullable: true),
                    Tags = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    Notes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Attempt = table.Column<int>(type: "integer", nullable: false, defaultValue: 1),
                    Progress = table.Column<double>(type: "double precision", nullable: false),
                    CompletedEpochs = table.Column<int>(type: "integer", nullable: false),
                    CheckpointPath = table.Column<string>(type: "text", nullable: true),
                    NormalizationMean = table.Column<double>(type: "double precision", nullable: true),
                    NormalizationStd = table.Column<double>(type: "double precision", nullable: true),
                    TestAccuracy = table.Column<double>(type: "double precision", nullable: true),
                    EvaluationJson = table.Column<string>(type: "text", nullable: true),
                    EnvironmentJson = table.Column<string>(type: "text", nullable: true),
                    Error = table.Column<string>(type: "text", nullable: true),
                    LogTail = table.Column<string>(type: "text", nullable: true),
                    HangfireJobId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    LeaseOwner = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    LeaseExpiresAt = table.Column<long>(type: "bigint", nullable: true),
                    ExecutedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    StartedAt = table.Column<long>(type: "bigint", nullable: true),
                    FinishedAt = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Runs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Runs_Datasets_DatasetId",
                        column: x => x.DatasetId,
                        principalTable: "Datasets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Runs_Teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Slices",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DatasetId = table.Column<int>(type: "integer", nullable: false),
                    Index = table.Column<int>(type: "integer", nullable: false),
                    PatientId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Label = table.Column<int>(type: "integer", nullable: false),
                    Split = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Width = table.Column<int>(type: "integer", nullable: false),
                    Height = table.Column<int>(type: "integer", nullable: false),
                    BitDepth = table.Column<int>(type: "integer", nullable: false),
                    ImagePath = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    MaskPath = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    ContentHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Slices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Slices_Datasets_DatasetId",
                        column: x => x.DatasetId,
                        principalTable: "Datasets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Embeddings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DatasetId = table.Column<int>(type: "integer", nullable: false),
                    RunId = table.Column<int>(type: "integer", nullable: true),
                    Source = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Projection = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Split = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Perplexity = table.Column<double>(type: "double precision", nullable: false),
                    Iterations = table.Column<int>(type: "integer", nullable: false),
                    Seed = table.Column<int>(type: "integer", nullable: false),
                    CacheKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Progress = table.Column<double>(type: "double precision", nullable: false),
                    Error = table.Column<string>(type: "text", nullable: true),
                    PointsPath = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    PointCount = table.Column<int>(type: "integer", nullable: false),
                    FeatureCount = table.Column<int>(type: "integer", nullable: false),
                    Trustworthiness = table.Column<double>(type: "double precision", nullable: true),
                    KnnAccuracy2d = table.Column<double>(type: "double precision", nullable: true),
                    KnnAccuracyFeatures = table.Column<double>(type: "double precision", nullable: true),
                    Silhouette = table.Column<double>(type: "double precision", nullable: true),
                    DurationSeconds = table.Column<double>(type: "double precision", nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    FinishedAt = table.Column<long>(type: "bigint", nullable: true)
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

            migrationBuilder.CreateTable(
                name: "EpochMetrics",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RunId = table.Column<int>(type: "integer", nullable: false),
                    Epoch = table.Column<int>(type: "integer", nullable: false),
                    TrainLoss = table.Column<double>(type: "double precision", nullable: false),
                    TrainAccuracy = table.Column<double>(type: "double precision", nullable: false),
                    ValidationLoss = table.Column<double>(type: "double precision", nullable: true),
                    ValidationAccuracy = table.Column<double>(type: "double precision", nullable: true),
                    LearningRate = table.Column<double>(type: "double precision", nullable: false),
                    DurationSeconds = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EpochMetrics", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EpochMetrics_Runs_RunId",
                        column: x => x.RunId,
                        principalTable: "Runs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Predictions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RunId = table.Column<int>(type: "integer", nullable: false),
                    SliceId = table.Column<int>(type: "integer", nullable: false),
                    Label = table.Column<int>(type: "integer", nullable: false),
                    Predicted = table.Column<int>(type: "integer", nullable: false),
                    Probabilities = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Predictions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Predictions_Runs_RunId",
                        column: x => x.RunId,
                        principalTable: "Runs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Predictions_Slices_SliceId",
                        column: x => x.SliceId,
                        principalTable: "Slices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SaliencyMaps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RunId = table.Column<int>(type: "integer", nullable: false),
                    SliceId = table.Column<int>(type: "integer", nullable: false),
                    Method = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Target = table.Column<int>(type: "integer", nullable: false),
                    OverlayPath = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    ValuesPath = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    DurationSeconds = table.Column<double>(type: "double precision", nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "StoredAttributions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RunId = table.Column<int>(type: "integer", nullable: false),
                    SliceId = table.Column<int>(type: "integer", nullable: false),
                    Method = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ParametersHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Parameters = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CacheKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Target = table.Column<int>(type: "integer", nullable: false),
                    Channels = table.Column<int>(type: "integer", nullable: false),
                    Height = table.Column<int>(type: "integer", nullable: false),
                    Width = table.Column<int>(type: "integer", nullable: false),
                    OverlayPath = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    ValuesPath = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    DurationSeconds = table.Column<double>(type: "double precision", nullable: false),
                    ClipValue = table.Column<double>(type: "double precision", nullable: false),
                    MaskFraction = table.Column<double>(type: "double precision", nullable: true),
                    PointingGame = table.Column<bool>(type: "boolean", nullable: true),
                    RelevanceMass = table.Column<double>(type: "double precision", nullable: true),
                    RelevanceRank = table.Column<double>(type: "double precision", nullable: true),
                    IouTop5 = table.Column<double>(type: "double precision", nullable: true),
                    IouTop10 = table.Column<double>(type: "double precision", nullable: true),
                    IouTop20 = table.Column<double>(type: "double precision", nullable: true),
                    IouTop30 = table.Column<double>(type: "double precision", nullable: true),
                    DiceTop5 = table.Column<double>(type: "double precision", nullable: true),
                    DiceTop10 = table.Column<double>(type: "double precision", nullable: true),
                    DiceTop20 = table.Column<double>(type: "double precision", nullable: true),
                    DiceTop30 = table.Column<double>(type: "double precision", nullable: true),
                    Auc = table.Column<double>(type: "double precision", nullable: true),
                    DeletionAuc = table.Column<double>(type: "double precision", nullable: false),
                    InsertionAuc = table.Column<double>(type: "double precision", nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false)
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

            migrationBuilder.InsertData(
                table: "Teams",
                columns: new[] { "Id", "CreatedAt", "Name" },
                values: new object[] { 1, 621355968000000000L, "Default team" });

            migrationBuilder.CreateIndex(
                name: "IX_Datasets_TeamId_CreatedAt",
                table: "Datasets",
                columns: new[] { "TeamId", "CreatedAt" });

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

            migrationBuilder.CreateIndex(
                name: "IX_EpochMetrics_RunId_Epoch",
                table: "EpochMetrics",
                columns: new[] { "RunId", "Epoch" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Predictions_RunId_SliceId",
                table: "Predictions",
                columns: new[] { "RunId", "SliceId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Predictions_SliceId",
                table: "Predictions",
                column: "SliceId");

            migrationBuilder.CreateIndex(
                name: "IX_Runs_DatasetId",
                table: "Runs",
                column: "DatasetId");

            migrationBuilder.CreateIndex(
                name: "IX_Runs_Status",
                table: "Runs",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_Runs_TeamId_CreatedAt",
                table: "Runs",
                columns: new[] { "TeamId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SaliencyMaps_RunId_SliceId_Method",
                table: "SaliencyMaps",
                columns: new[] { "RunId", "SliceId", "Method" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SaliencyMaps_SliceId",
                table: "SaliencyMaps",
                column: "SliceId");

            migrationBuilder.CreateIndex(
                name: "IX_Slices_DatasetId_ContentHash",
                table: "Slices",
                columns: new[] { "DatasetId", "ContentHash" });

            migrationBuilder.CreateIndex(
                name: "IX_Slices_DatasetId_Index",
                table: "Slices",
                columns: new[] { "DatasetId", "Index" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Slices_DatasetId_Label_Index",
                table: "Slices",
                columns: new[] { "DatasetId", "Label", "Index" });

            migrationBuilder.CreateIndex(
                name: "IX_Slices_DatasetId_PatientId",
                table: "Slices",
                columns: new[] { "DatasetId", "PatientId" });

            migrationBuilder.CreateIndex(
                name: "IX_Slices_DatasetId_Split_Label",
                table: "Slices",
                columns: new[] { "DatasetId", "Split", "Label" });

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

            migrationBuilder.CreateIndex(
                name: "IX_Teams_Name",
                table: "Teams",
                column: "Name",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AttributionRequests");

            migrationBuilder.DropTable(
                name: "Embeddings");

            migrationBuilder.DropTable(
                name: "EpochMetrics");

            migrationBuilder.DropTable(
                name: "Predictions");

            migrationBuilder.DropTable(
                name: "SaliencyMaps");

            migrationBuilder.DropTable(
                name: "StoredAttributions");

            migrationBuilder.DropTable(
                name: "Runs");

            migrationBuilder.DropTable(
                name: "Slices");

            migrationBuilder.DropTable(
                name: "Datasets");

            migrationBuilder.DropTable(
                name: "Teams");
        }
    }
}
