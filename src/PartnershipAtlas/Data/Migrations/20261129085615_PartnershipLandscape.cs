using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PartnershipAtlas.Data.Migrations
{
    /// <inheritdoc />
    public partial class PartnershipLandscape : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Memberships_Establishments_EstablishmentUrn",
                table: "Memberships");

            migrationBuilder.AddColumn<string>(
                name: "Code",
                table: "Partnerships",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Denomination",
                table: "Partnerships",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FederationType",
                table: "Partnerships",
                type: "TEXT",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AlterColumn<int>(
                name: "EstablishmentUrn",
                table: "Memberships",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "INTEGER");

            migrationBuilder.AddColumn<int>(
                name: "OrganisationId",
                table: "Memberships",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AreaCoverages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PartnershipId = table.Column<int>(type: "INTEGER", nullable: false),
                    LaCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    District = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ValidFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ValidTo = table.Column<DateOnly>(type: "TEXT", nullable: true)
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
                name: "LocalAuthorityAreas",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ValidTo = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LocalAuthorityAreas", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "LocalAuthoritySuccessions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FromCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    ToCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LocalAuthoritySuccessions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Organisations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    SourceKey = table.Column<string>(type: "TEXT", maxLength: 340, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Organisations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Reviews",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PartnershipId = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    ReviewerUrn = table.Column<int>(type: "INTEGER", nullable: true),
                    ReviewedUrn = table.Column<int>(type: "INTEGER", nullable: false),
                    Focus = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    ImportRunId = table.Column<long>(type: "INTEGER", nullable: true)
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

            migrationBuilder.CreateIndex(
                name: "IX_Memberships_OrganisationId_PartnershipId",
                table: "Memberships",
                columns: new[] { "OrganisationId", "PartnershipId" });

            migrationBuilder.CreateIndex(
                name: "IX_Memberships_Source",
                table: "Memberships",
                column: "Source");

            migrationBuilder.AddCheckConstraint(
                name: "CK_Memberships_OneMember",
                table: "Memberships",
                sql: "(EstablishmentUrn IS NULL) <> (OrganisationId IS NULL)");

            migrationBuilder.CreateIndex(
                name: "IX_AreaCoverages_PartnershipId",
                table: "AreaCoverages",
                column: "PartnershipId");

            migrationBuilder.CreateIndex(
                name: "IX_LocalAuthoritySuccessions_ToCode_FromCode",
                table: "LocalAuthoritySuccessions",
                columns: new[] { "ToCode", "FromCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Organisations_SourceKey",
                table: "Organisations",
                column: "SourceKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Reviews_PartnershipId_Date",
                table: "Reviews",
                columns: new[] { "PartnershipId", "Date" });

            migrationBuilder.AddForeignKey(
                name: "FK_Memberships_Establishments_EstablishmentUrn",
                table: "Memberships",
                column: "EstablishmentUrn",
                principalTable: "Establishments",
                principalColumn: "Urn");

            migrationBuilder.AddForeignKey(
                name: "FK_Memberships_Organisations_OrganisationId",
                table: "Memberships",
                column: "OrganisationId",
                principalTable: "Organisations",
                principalColumn: "Id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Memberships_Establishments_EstablishmentUrn",
                table: "Memberships");

            migrationBuilder.DropForeignKey(
                name: "FK_Memberships_Organisations_OrganisationId",
                table: "Memberships");

            migrationBuilder.DropTable(
                name: "AreaCoverages");

            migrationBuilder.DropTable(
                name: "LocalAuthorityAreas");

            migrationBuilder.DropTable(
                name: "LocalAuthoritySuccessions");

            migrationBuilder.DropTable(
                name: "Organisations");

            migrationBuilder.DropTable(
                name: "Reviews");

            migrationBuilder.DropIndex(
                name: "IX_Memberships_OrganisationId_PartnershipId",
                table: "Memberships");

            migrationBuilder.DropIndex(
                name: "IX_Memberships_Source",
                table: "Memberships");

            migrationBuilder.DropCheckConstraint(
                name: "CK_Memberships_OneMember",
                table: "Memberships");

            migrationBuilder.DropColumn(
                name: "Code",
                table: "Partnerships");

            migrationBuilder.DropColumn(
                name: "Denomination",
                table: "Partnerships");

            migrationBuilder.DropColumn(
                name: "FederationType",
                table: "Partnerships");

            migrationBuilder.DropColumn(
                name: "OrganisationId",
                table: "Memberships");

            migrationBuilder.AlterColumn<int>(
                name: "EstablishmentUrn",
                table: "Memberships",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "INTEGER",
                oldNullable: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Memberships_Establishments_EstablishmentUrn",
                table: "Memberships",
                column: "EstablishmentUrn",
                principalTable: "Establishments",
                principalColumn: "Urn",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
