using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace XaiLab.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Teams",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Teams", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Datasets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TeamId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Error = table.Column<string>(type: "TEXT", nullable: true),
                    ClassNames = table.Column<string>(type: "TEXT", nullable: false),
                    SliceCount = table.Column<int>(type: "INTEGER", nullable: false),
                    PatientCount = table.Column<int>(type: "INTEGER", nullable: false),
                    WithMasks = table.Column<bool>(type: "INTEGER", nullable: false),
                    VersionHash = table.Column<string>(type: "TEXT", nullable: true),
                    SplitSeed = table.Column<int>(type: "INTEGER", nullable: false),
                    SplitPreset = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ImportProgress = table.Column<double>(type: "REAL", nullable: false),
                    ImportJobId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    UploadPath = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TeamId = table.Column<int>(type: "INTEGER", nullable: false),
                    DatasetId = table.Column<int>(type: "INTEGER", nullable: false),
                    Architecture = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Epochs = table.Column<int>(type: "INTEGER", nullable: false),
                    ImageSize = table.Column<int>(type: "INTEGER", nullable: false),
                    BatchSize = table.Column<int>(type: "INTEGER", nullable: false),
                    LearningRate = table.Column<double>(type: "REAL", nullable: false),
                    Seed = table.Column<int>(type: "INTEGER", nullable: false),
                    Device = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ConfigJson = table.Column<string>(type: "TEXT", nullable: true),
                    Tags = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Attempt = table.Column<int>(type: "INTEGER", nullable: false, defaultValue: 1),
                    Progress = table.Column<double>(type: "REAL", nullable: false),
                    CompletedEpochs = table.Column<int>(type: "INTEGER", nullable: false),
                    CheckpointPath = table.Column<string>(type: "TEXT", nullable: true),
                    NormalizationMean = table.Column<double>(type: "REAL", nullable: true),
                    NormalizationStd = table.Column<double>(type: "REAL", nullable: true),
                    TestAccuracy = table.Column<double>(type: "REAL", nullable: true),
                    EvaluationJson = table.Column<string>(type: "TEXT", nullable: true),
                    EnvironmentJson = table.Column<string>(type: "TEXT", nullable: true),
                    Error = table.Column<string>(type: "TEXT", nullable: true),
                    LogTail = table.Column<string>(type: "TEXT", nullable: true),
                    HangfireJobId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    LeaseOwner = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    LeaseExpiresAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: true)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DatasetId = table.Column<int>(type: "INTEGER", nullable: false),
                    Index = table.Column<int>(type: "INTEGER", nullable: false),
                    PatientId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Label = table.Column<int>(type: "INTEGER", nullable: false),
                    Split = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Width = table.Column<int>(type: "INTEGER", nullable: false),
                    Height = table.Column<int>(type: "INTEGER", nullable: false),
                    BitDepth = table.Column<int>(type: "INTEGER", nullable: false),
                    ImagePath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    MaskPath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    ContentHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
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

            migrationBuilder.CreateTable(
                name: "EpochMetrics",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RunId = table.Column<int>(type: "INTEGER", nullable: false),
                    Epoch = table.Column<int>(type: "INTEGER", nullable: false),
                    TrainLoss = table.Column<double>(type: "REAL", nullable: false),
                    TrainAccuracy = table.Column<double>(type: "REAL", nullable: false),
                    ValidationLoss = table.Column<double>(type: "REAL", nullable: true),
                    ValidationAccuracy = table.Column<double>(type: "REAL", nullable: true),
                    LearningRate = table.Column<double>(type: "REAL", nullable: false),
                    DurationSeconds = table.Column<double>(type: "REAL", nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RunId = table.Column<int>(type: "INTEGER", nullable: false),
                    SliceId = table.Column<int>(type: "INTEGER", nullable: false),
                    Label = table.Column<int>(type: "INTEGER", nullable: false),
                    Predicted = table.Column<int>(type: "INTEGER", nullable: false),
                    Probabilities = table.Column<string>(type: "TEXT", nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RunId = table.Column<int>(type: "INTEGER", nullable: false),
                    SliceId = table.Column<int>(type: "INTEGER", nullable: false),
                    Method = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Target = table.Column<int>(type: "INTEGER", nullable: false),
                    OverlayPath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    ValuesPath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    DurationSeconds = table.Column<double>(type: "REAL", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                name: "IX_Teams_Name",
                table: "Teams",
                column: "Name",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Embeddings");

            migrationBuilder.DropTable(
                name: "EpochMetrics");

            migrationBuilder.DropTable(
                name: "Predictions");

            migrationBuilder.DropTable(
                name: "SaliencyMaps");

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
