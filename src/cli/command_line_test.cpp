#include "cli/command_line.hpp"

#include <gtest/gtest.h>

namespace chancery::cli {
namespace {

const CommandSpec kUserAdd{{"user", "add"},
                           "Create a user account.",
                           {{"data", "DIR", "data directory", true},
                            {"username", "NAME", "login name", true},
                            {"password-stdin", "", "read the password from standard input", false}},
                           {}};

TEST(Parse, ValuesFlagsAndInlineValues) {
  auto a = Parse(kUserAdd, {"--data", "/tmp/d", "--username=officer", "--password-stdin"});
  ASSERT_TRUE(a) << a.error().message;
  EXPECT_EQ(a->Get("data"), "/tmp/d");
  EXPECT_EQ(a->Get("username"), "officer");
  EXPECT_TRUE(a->Has("password-stdin"));
}

TEST(Parse, ErrorsAreOneLineAndPrecise) {
  EXPECT_EQ(Parse(kUserAdd, {"--data", "/d"}).error().message, "--username is required");
  EXPECT_EQ(Parse(kUserAdd, {"--data"}).error().message, "--data needs a value (DIR)");
  EXPECT_EQ(Parse(kUserAdd, {"--colour", "red"}).error().message, "unknown option --colour");
  EXPECT_EQ(Parse(kUserAdd, {"stray"}).error().message, "unexpected argument 'stray'");
  EXPECT_EQ(Parse(kUserAdd, {"--data", "a", "--data", "b", "--username", "u"}).error().message, "--data given twice");
  EXPECT_EQ(Parse(kUserAdd, {"--password-stdin=yes"}).error().message, "--password-stdin takes no value");
}

TEST(Parse, OneLetterOptionsTakeOneDash) {
  const CommandSpec backup{{"backup"}, "Back up.", {{"o", "FILE", "output", true}}, {}};
  auto a = Parse(backup, {"-o", "out.sqlite"});
  ASSERT_TRUE(a) << a.error().message;
  EXPECT_EQ(a->Get("o"), "out.sqlite");
  EXPECT_EQ(Parse(backup, {}).error().message, "-o is required");
  EXPECT_EQ(Parse(backup, {"-x"}).error().message, "unknown option -x");
  EXPECT_EQ(Usage(backup, "chancery").substr(0, 30), "Usage: chancery backup -o FILE");
}

TEST(Parse, HelpWinsOverMissingOptions) {
  auto a = Parse(kUserAdd, {"--help"});
  ASSERT_TRUE(a);
  EXPECT_TRUE(a->Has("help"));
}

TEST(FindCommand, LongestMatch) {
  std::vector<CommandSpec> commands{{{"user"}, "users", {}, {}}, kUserAdd, {{"serve"}, "serve", {}, {}}};
  std::size_t used = 0;
  auto* c = FindCommand(commands, {"user", "add", "--data", "x"}, used);
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->summary, "Create a user account.");
  EXPECT_EQ(used, 2u);
  EXPECT_EQ(FindCommand(commands, {"unknown"}, used), nullptr);
}

TEST(Usage, ListsOptionsWithRequiredOnesBare) {
  auto u = Usage(kUserAdd, "chancery");
  EXPECT_EQ(u.substr(0, u.find('\n')), "Usage: chancery user add --data DIR --username NAME [--password-stdin]");
}

}  // namespace
}  // namespace chancery::cli
