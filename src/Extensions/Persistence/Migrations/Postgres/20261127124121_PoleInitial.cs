using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace PoleKnowledge.Extensions.Persistence.Migrations.Postgres
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FormAlias = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ContentKey = table.Column<Guid>(type: "uuid", nullable: true),
                    Culture = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    ValuesJson = table.Column<string>(type: "text", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PoleFormEntry", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PoleRetentionLog",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RunUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Scope = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Action = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PoleRetentionLog", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PoleSignUp",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    GroupKey = table.Column<Guid>(type: "uuid", nullable: false),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    StructureName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Role = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Category = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Brings = table.Column<string>(type: "text", nullable: true),
                    Expects = table.Column<string>(type: "text", nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Position = table.Column<long>(type: "bigint", nullable: false),
                    ConfirmTokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    CancelTokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ConsentUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    EmailConfirmedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    StatusChangedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AnonymisedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
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
