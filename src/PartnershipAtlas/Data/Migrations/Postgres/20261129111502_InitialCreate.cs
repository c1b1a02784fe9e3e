using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace PartnershipAtlas.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:CollationDefinition:atlas_case_insensitive", "und-u-ks-level2,und-u-ks-level2,icu,False");

            migrationBuilder.CreateTable(
                name: "EstablishmentLinks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Urn = table.Column<int>(type: "integer", nullable: false),
                    LinkedUrn = table.Column<int>(type: "integer", nullable: false),
                    LinkedName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    LinkType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    EstablishedDate = table.Column<DateOnly>(type: "date", nullable: true),
                    ImportRunId = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EstablishmentLinks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Establishments",
                columns: table => new
                {
                    Urn = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    LaCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    LaName = table.Column<string>(type: "text", nullable: true),
                    EstablishmentNumber = table.Column<int>(type: "integer", nullable: true),
                    Type = table.Column<string>(type: "text", nullable: true),
                    TypeGroup = table.Column<string>(type: "text", nullable: true),
                    Phase = table.Column<string>(type: "text", nullable: true),
                    Status = table.Column<string>(type: "text", nullable: true),
                    OpenDate = table.Column<DateOnly>(type: "date", nullable: true),
                    CloseDate = table.Column<DateOnly>(type: "date", nullable: true),
                    StatutoryLowAge = table.Column<int>(type: "integer", nullable: true),
                    StatutoryHighAge = table.Column<int>(type: "integer", nullable: true),
                    NumberOfPupils = table.Column<int>(type: "integer", nullable: true),
                    PercentageFsm = table.Column<double>(type: "double precision", nullable: true),
                    Postcode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    Easting = table.Column<int>(type: "integer", nullable: true),
                    Northing = table.Column<int>(type: "integer", nullable: true),
                    Region = table.Column<string>(type: "text", nullable: true),
                    District = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Establishments", x => x.Urn);
                });

            migrationBuilder.CreateTable(
                name: "ImportRuns",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Dataset = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Source = table.Column<string>(type: "text", nullable: false),
                    FileName = table.Column<string>(type: "text", nullable: false),
                    ContentHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ExtractDate = table.Column<DateOnly>(type: "date", nullable: true),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    FinishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    RowsRead = table.Column<int>(type: "integer", nullable: false),
                    RowsInserted = table.Column<int>(type: "integer", nullable: false),
                    RowsUpdated = table.Column<int>(type: "integer", nullable: false),
                    RowsUnchanged = table.Column<int>(type: "integer", nullable: false),
                    RowsRejected = table.Column<int>(type: "integer", nullable: false),
                    Message = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LocalAuthorityAreas",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    ValidTo = table.Column<DateOnly>(type: "date", nullable: true),
                    Source = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LocalAuthorityAreas", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "LocalAuthoritySuccessions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FromCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    ToCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LocalAuthoritySuccessions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Measures",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    KeyStage = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    Code = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false, collation: "atlas_case_insensitive"),
                    IsPercentage = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Measures", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Organisations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    SourceKey = table.Column<string>(type: "character varying(340)", maxLength: 340, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Organisations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Partnerships",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    SourceKey = table.Column<string>(type: "character varying(340)", maxLength: 340, nullable: false),
                    GroupId = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    CompaniesHouseNumber = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Code = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    FederationType = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    Denomination = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    OpenDate = table.Column<DateOnly>(type: "date", nullable: true),
                    CloseDate = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Partnerships", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ResultSets",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    KeyStage = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Level = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Key = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    RecordType = table.Column<int>(type: "integer", nullable: false),
                    Urn = table.Column<int>(type: "integer", nullable: true),
                    LaCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    IsNewInstitution = table.Column<bool>(type: "boolean", nullable: false),
                    Cohort = table.Column<int>(type: "integer", nullable: true),
                    DisadvantagedCohort = table.Column<int>(type: "integer", nullable: true),
                    ImportRunId = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResultSets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ImportRejections",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ImportRunId = table.Column<long>(type: "bigint", nullable: false),
                    Line = table.Column<int>(type: "integer", nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportRejections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ImportRejections_ImportRuns_ImportRunId",
                        column: x => x.ImportRunId,
                        principalTable: "ImportRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AreaCoverages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PartnershipId = table.Column<int>(type: "integer", nullable: false),
                    LaCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    District = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    ValidTo = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AreaCoverages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AreaCoverages_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Memberships",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EstablishmentUrn = table.Column<int>(type: "integer", nullable: true),
                    OrganisationId = table.Column<int>(type: "integer", nullable: true),
                    PartnershipId = table.Column<int>(type: "integer", nullable: false),
                    Role = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Joined = table.Column<DateOnly>(type: "date", nullable: true),
                    Left = table.Column<DateOnly>(type: "date", nullable: true),
                    Source = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    ImportRunId = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Memberships", x => x.Id);
                    table.CheckConstraint("CK_Memberships_OneMember", "(\"EstablishmentUrn\" IS NULL) <> (\"OrganisationId\" IS NULL)");
                    table.ForeignKey(
                        name: "FK_Memberships_Establishments_EstablishmentUrn",
                        column: x => x.EstablishmentUrn,
                        principalTable: "Establishments",
                        principalColumn: "Urn");
                    table.ForeignKey(
                        name: "FK_Memberships_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_Memberships_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Reviews",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PartnershipId = table.Column<int>(type: "integer", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    ReviewerUrn = table.Column<int>(type: "integer", nullable: true),
                    ReviewedUrn = table.Column<int>(type: "integer", nullable: false),
                    Focus = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Outcome = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Source = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    ImportRunId = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Reviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Reviews_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MeasureValues",
                columns: table => new
                {
                    ResultSetId = table.Column<long>(type: "bigint", nullable: false),
                    MeasureId = table.Column<int>(type: "integer", nullable: false),
                    Value = table.Column<double>(type: "double precision", nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Raw = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeasureValues", x => new { x.ResultSetId, x.MeasureId });
                    table.ForeignKey(
                        name: "FK_MeasureValues_Measures_MeasureId",
                        column: x => x.MeasureId,
                        principalTable: "Measures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MeasureValues_ResultSets_ResultSetId",
                        column: x => x.ResultSetId,
                        principalTable: "ResultSets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AreaCoverages_PartnershipId",
                table: "AreaCoverages",
                column: "PartnershipId");

            migrationBuilder.CreateIndex(
                name: "IX_EstablishmentLinks_LinkedUrn",
                table: "EstablishmentLinks",
                column: "LinkedUrn");

            migrationBuilder.CreateIndex(
                name: "IX_EstablishmentLinks_Urn_LinkedUrn_LinkType",
                table: "EstablishmentLinks",
                columns: new[] { "Urn", "LinkedUrn", "LinkType" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Establishments_LaCode",
                table: "Establishments",
                column: "LaCode");

            migrationBuilder.CreateIndex(
                name: "IX_Establishments_Name",
                table: "Establishments",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_ImportRejections_ImportRunId",
                table: "ImportRejections",
                column: "ImportRunId");

            migrationBuilder.CreateIndex(
                name: "IX_ImportRuns_Dataset_ContentHash",
                table: "ImportRuns",
                columns: new[] { "Dataset", "ContentHash" });

            migrationBuilder.CreateIndex(
                name: "IX_LocalAuthoritySuccessions_ToCode_FromCode",
                table: "LocalAuthoritySuccessions",
                columns: new[] { "ToCode", "FromCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Measures_KeyStage_Code",
                table: "Measures",
                columns: new[] { "KeyStage", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MeasureValues_MeasureId",
                table: "MeasureValues",
                column: "MeasureId");

            migrationBuilder.CreateIndex(
                name: "IX_Memberships_EstablishmentUrn_PartnershipId",
                table: "Memberships",
                columns: new[] { "EstablishmentUrn", "PartnershipId" });

            migrationBuilder.CreateIndex(
                name: "IX_Memberships_OrganisationId_PartnershipId",
                table: "Memberships",
                columns: new[] { "OrganisationId", "PartnershipId" });

            migrationBuilder.CreateIndex(
                name: "IX_Memberships_PartnershipId_EstablishmentUrn",
                table: "Memberships",
                columns: new[] { "PartnershipId", "EstablishmentUrn" });

            migrationBuilder.CreateIndex(
                name: "IX_Memberships_Source",
                table: "Memberships",
                column: "Source");

            migrationBuilder.CreateIndex(
                name: "IX_Organisations_SourceKey",
                table: "Organisations",
                column: "SourceKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Partnerships_Kind_Id",
                table: "Partnerships",
                columns: new[] { "Kind", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Partnerships_SourceKey",
                table: "Partnerships",
                column: "SourceKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ResultSets_KeyStage_Year_Key",
                table: "ResultSets",
                columns: new[] { "KeyStage", "Year", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ResultSets_Urn_KeyStage_Year",
                table: "ResultSets",
                columns: new[] { "Urn", "KeyStage", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_Reviews_PartnershipId_Date",
                table: "Reviews",
                columns: new[] { "PartnershipId", "Date" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AreaCoverages");

            migrationBuilder.DropTable(
                name: "EstablishmentLinks");

            migrationBuilder.DropTable(
                name: "ImportRejections");

            migrationBuilder.DropTable(
                name: "LocalAuthorityAreas");

            migrationBuilder.DropTable(
                name: "LocalAuthoritySuccessions");

            migrationBuilder.DropTable(
                name: "MeasureValues");

            migrationBuilder.DropTable(
                name: "Memberships");

            migrationBuilder.DropTable(
                name: "Reviews");

            migrationBuilder.DropTable(
                name: "ImportRuns");

            migrationBuilder.DropTable(
                name: "Measures");

            migrationBuilder.DropTable(
                name: "ResultSets");

            migrationBuilder.DropTable(
                name: "Establishments");

            migrationBuilder.DropTable(
                name: "Organisations");

            migrationBuilder.DropTable(
                name: "Partnerships");
        }
    }
}
