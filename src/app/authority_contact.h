// How a family reaches the authority's children's services again: what the
// letters and the family's documents print under "If you need us again".
// Settings of the server (server_config.h: contact_phone, contact_email,
// contact_address, out_of_hours_phone); each may be left empty, and a
// document then leaves out its words.
#pragma once

#include <string>

namespace cinplan::app {

struct AuthorityContact {
  std::string phone;         // the front door, e.g. "0300 123 4567"
  std::string email;         // e.g. "childrens.services@council.example"
  std::string address;       // one line
  std::string out_of_hours;  // the emergency duty team's number
};

}  // namespace cinplan::app
