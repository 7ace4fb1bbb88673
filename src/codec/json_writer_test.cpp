#include "codec/json_writer.hpp"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

namespace chancery::codec {
namespace {

TEST(JsonWriter, NestingAndCommas) {
  std::string text;
  JsonWriter w(text);
  w.BeginObject().Key("a").Int(-1).Key("b").BeginArray().Bool(true).Null().BeginObject().EndObject().EndArray();
  w.Key("c").BeginArray().EndArray().EndObject();
  EXPECT_EQ(text, R"({"a":-1,"b":[true,null,{}],"c":[]})");
}

TEST(JsonWriter, EscapesWhatJsonRequiresAndPassesUtf8Through) {
  std::string text;
  JsonWriter w(text);
  const std::string tricky = std::string("Қазақстан \"quoted\" back\\slash\nnew\ttab\x01") + '\0' + "end";
  w.String(tricky);
  EXPECT_EQ(text, "\"Қазақстан \\\"quoted\\\" back\\\\slash\\nnew\\ttab\\u0001\\u0000end\"");
  // A JSON parser reads back exactly the original bytes.
  EXPECT_EQ(boost::json::parse(text).as_string(), tricky);
}

}  // namespace
}  // namespace chancery::codec
