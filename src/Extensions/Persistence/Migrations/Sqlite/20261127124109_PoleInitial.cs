using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PoleKnowledge.Extensions.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PoleInitial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PoleFormEntry",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FormAlias = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ContentKey = table.Column<Guid>(type: "TEXT", nullable: true),
                    Culture = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    ValuesJson = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PoleFormEntry", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PoleRetentionLog",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RunUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Scope = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PoleRetentionLog", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PoleSignUp",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    GroupKey = table.Column<Guid>(type: "TEXT", nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    StructureName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Role = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Category = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Brings = table.Column<string>(type: "TEXT", nullable: true),
                    Expects = table.Column<string>(type: "TEXT", nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<long>(type: "INTEGER", nullable: false),
                    ConfirmTokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CancelTokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ConsentUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    EmailConfirmedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    StatusChangedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AnonymisedUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PoleSignUp", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PoleFormEntry_FormAlias_CreatedUtc",
                table: "PoleFormEntry",
                columns: new[] { "FormAlias", "CreatedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_PoleSignUp_CancelTokenHash",
                table: "PoleSignUp",
                column: "CancelTokenHash");

            migrationBuilder.CreateIndex(
                name: "IX_PoleSignUp_ConfirmTokenHash",
                table: "PoleSignUp",
                column: "ConfirmTokenHash");

            migrationBuilder.CreateIndex(
                name: "IX_PoleSignUp_GroupKey_Email",
                table: "PoleSignUp",
                columns: new[] { "GroupKey", "Email" },
                unique: true,
                filter: "\"Status\" <> 3");

            migrationBuilder.CreateIndex(
                name: "IX_PoleSignUp_GroupKey_Status_Position",
                table: "PoleSignUp",
                columns: new[] { "GroupKey", "Status", "Position" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PoleFormEntry");

            migrationBuilder.DropTable(
                name: "PoleRetentionLog");

            migrationBuilder.DropTable(
                name: "PoleSignUp");
        }
    }
}
