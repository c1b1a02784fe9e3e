using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PartnershipAtlas.Data.Migrations
{
    /// <inheritdoc />
    public partial class GroupsAndLinks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CompaniesHouseNumber",
                table: "Partnerships",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "GroupId",
                table: "Partnerships",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Status",
                table: "Partnerships",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "EstablishmentLinks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Urn = table.Column<int>(type: "INTEGER", nullable: false),
                    LinkedUrn = table.Column<int>(type: "INTEGER", nullable: false),
                    LinkedName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    LinkType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    EstablishedDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ImportRunId = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EstablishmentLinks", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EstablishmentLinks_LinkedUrn",
                table: "EstablishmentLinks",
                column: "LinkedUrn");

            migrationBuilder.CreateIndex(
                name: "IX_EstablishmentLinks_Urn_LinkedUrn_LinkType",
                table: "EstablishmentLinks",
                columns: new[] { "Urn", "LinkedUrn", "LinkType" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EstablishmentLinks");

            migrationBuilder.DropColumn(
                name: "CompaniesHouseNumber",
                table: "Partnerships");

            migrationBuilder.DropColumn(
                name: "GroupId",
                table: "Partnerships");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "Partnerships");
        }
    }
}
