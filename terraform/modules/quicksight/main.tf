data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

data "aws_region" "current" {}

locals {
  partition  = data.aws_partition.current.partition
  region     = data.aws_region.current.region
  account_id = data.aws_caller_identity.current.account_id
  glue_arn   = "arn:${local.partition}:glue:${local.region}:${local.account_id}"
  tags       = merge({ Component = "quicksight" }, var.tags)

  ids = {
    data_source = "${var.name_prefix}-athena"
    data_set    = "${var.name_prefix}-vehicle-positions"
    dashboard   = "${var.name_prefix}-fleet"
  }

  # The identifier the dashboard's visuals name the data set by.
  vehicles = "vehicles"

  # The columns of the latest-positions query (analytics module, vehicle-latest-positions).
  columns = {
    vehicle_id = "STRING"
    vendor     = "STRING"
    model      = "STRING"
    status     = "STRING"
    speed_kmh  = "DECIMAL"
    latitude   = "DECIMAL"
    longitude  = "DECIMAL"
    last_seen  = "DATETIME"
  }

  viewer_actions = {
    data_source = ["quicksight:DescribeDataSource", "quicksight:DescribeDataSourcePermissions", "quicksight:PassDataSource"]
    data_set    = ["quicksight:DescribeDataSet", "quicksight:DescribeDataSetPermissions", "quicksight:PassDataSet", "quicksight:DescribeIngestion", "quicksight:ListIngestions"]
    dashboard   = ["quicksight:DescribeDashboard", "quicksight:ListDashboardVersions", "quicksight:QueryDashboard"]
  }
}

# What QuickSight's service role needs to query Athena in the pipeline's workgroup: run queries there, read the
# stage table's metadata and objects, and write and read the workgroup's results. QuickSight's Athena data source
# always uses this role (the account's QuickSight subscription creates it), so the grant is attached to it.
data "aws_iam_policy_document" "quicksight" {
  statement {
    sid       = "QueryInTheWorkgroup"
    actions   = ["athena:GetWorkGroup", "athena:StartQueryExecution", "athena:StopQueryExecution", "athena:GetQueryExecution", "athena:GetQueryResults", "athena:GetQueryResultsStream"]
    resources = [var.workgroup_arn]
  }

  statement {
    sid       = "ReadTheStageTable"
    actions   = ["glue:GetDatabase", "glue:GetTable", "glue:GetPartition", "glue:GetPartitions", "glue:BatchGetPartition"]
    resources = ["${local.glue_arn}:catalog", "${local.glue_arn}:database/${var.database_name}", "${local.glue_arn}:table/${var.database_name}/${var.stage_table}"]
  }

  statement {
    sid       = "ListTheDataLake"
    actions   = ["s3:GetBucketLocation", "s3:ListBucket", "s3:ListBucketMultipartUploads"]
    resources = [var.bucket_arn]
  }

  statement {
    sid       = "ReadStageObjects"
    actions   = ["s3:GetObject"]
    resources = ["${var.bucket_arn}/${var.stage_prefix}*"]
  }

  statement {
    sid       = "WriteQueryResults"
    actions   = ["s3:GetObject", "s3:PutObject", "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts"]
    resources = ["${var.bucket_arn}/${var.results_prefix}*"]
  }

  dynamic "statement" {
    for_each = var.kms_key_arn == null ? [] : [var.kms_key_arn]

    content {
      sid       = "UseDataKey"
      actions   = ["kms:Decrypt", "kms:GenerateDataKey"]
      resources = [statement.value]
    }
  }
}

resource "aws_iam_role_policy" "quicksight" {
  name   = "${var.name_prefix}-quicksight-athena"
  role   = var.service_role_name
  policy = data.aws_iam_policy_document.quicksight.json

  lifecycle {
    precondition {
      condition     = length("${var.name_prefix}-quicksight-athena") <= 128
      error_message = "The role policy name ${var.name_prefix}-quicksight-athena is longer than the 128 characters IAM allows."
    }
  }
}

resource "aws_quicksight_data_source" "this" {
  data_source_id = local.ids.data_source
  name           = "${var.name_prefix} Athena"
  type           = "ATHENA"
  tags           = local.tags

  parameters {
    athena {
      work_group = var.workgroup_name
    }
  }

  dynamic "permission" {
    for_each = toset(var.principal_arns)

    content {
      principal = permission.value
      actions   = local.viewer_actions.data_source
    }
  }

  lifecycle {
    precondition {
      condition     = length(local.ids.data_source) <= 128
      error_message = "The data source id ${local.ids.data_source} is longer than 128 characters."
    }
  }

  depends_on = [aws_iam_role_policy.quicksight]
}

# Direct query: every view asks Athena (one small query over the recent partitions), so the map is as fresh as the
# stage layer, with no SPICE capacity or refresh schedule to pay for.
resource "aws_quicksight_data_set" "this" {
  data_set_id = local.ids.data_set
  name        = "${var.name_prefix} vehicle positions"
  import_mode = "DIRECT_QUERY"
  tags        = local.tags

  physical_table_map {
    physical_table_map_id = "latest-positions"

    custom_sql {
      data_source_arn = aws_quicksight_data_source.this.arn
      name            = "latest-positions"
      sql_query       = var.latest_positions_query

      dynamic "columns" {
        for_each = local.columns

        content {
          name = columns.key
          type = columns.value
        }
      }
    }
  }

  logical_table_map {
    logical_table_map_id = "vehicles"
    alias                = "vehicles"

    source {
      physical_table_id = "latest-positions"
    }

    # Geographic roles make latitude and longitude a point on the map.
    data_transforms {
      tag_column_operation {
        column_name = "latitude"

        tags {
          column_geographic_role = "LATITUDE"
        }
      }
    }

    data_transforms {
      tag_column_operation {
        column_name = "longitude"

        tags {
          column_geographic_role = "LONGITUDE"
        }
      }
    }
  }

  dynamic "permissions" {
    for_each = toset(var.principal_arns)

    content {
      principal = permissions.value
      actions   = local.viewer_actions.data_set
    }
  }

  lifecycle {
    precondition {
      condition     = length(local.ids.data_set) <= 128
      error_message = "The data set id ${local.ids.data_set} is longer than 128 characters."
    }
  }
}

# The seed's dashboard: how the fleet splits by vendor, and each vehicle where it was last seen, coloured by status.
resource "aws_quicksight_dashboard" "this" {
  dashboard_id        = local.ids.dashboard
  name                = "${var.name_prefix} fleet"
  version_description = "Vehicles by vendor and their last positions."
  tags                = local.tags

  definition {
    data_set_identifiers_declarations {
      data_set_arn = aws_quicksight_data_set.this.arn
      identifier   = local.vehicles
    }

    sheets {
      sheet_id = "fleet"
      name     = "Fleet"

      visuals {
        bar_chart_visual {
          visual_id = "vehicles-by-vendor"

          title {
            format_text {
              plain_text = "Vehicles by vendor"
            }
          }

          chart_configuration {
            field_wells {
              bar_chart_aggregated_field_wells {
                category {
                  categorical_dimension_field {
                    field_id = "vendor"

                    column {
                      data_set_identifier = local.vehicles
                      column_name         = "vendor"
                    }
                  }
                }

                values {
                  categorical_measure_field {
                    field_id             = "vehicles"
                    aggregation_function = "DISTINCT_COUNT"

                    column {
                      data_set_identifier = local.vehicles
                      column_name         = "vehicle_id"
                    }
                  }
                }
              }
            }
          }
        }
      }

      visuals {
        geospatial_map_visual {
          visual_id = "vehicle-positions"

          title {
            format_text {
              plain_text = "Last known positions by status"
            }
          }

          chart_configuration {
            field_wells {
              geospatial_map_aggregated_field_wells {
                geospatial {
                  numerical_dimension_field {
                    field_id = "latitude"

                    column {
                      data_set_identifier = local.vehicles
                      column_name         = "latitude"
                    }
                  }
                }

                geospatial {
                  numerical_dimension_field {
                    field_id = "longitude"

                    column {
                      data_set_identifier = local.vehicles
                      column_name         = "longitude"
                    }
                  }
                }

                colors {
                  categorical_dimension_field {
                    field_id = "status"

                    column {
                      data_set_identifier = local.vehicles
                      column_name         = "status"
                    }
                  }
                }

                values {
                  categorical_measure_field {
                    field_id             = "vehicles-on-map"
                    aggregation_function = "COUNT"

                    column {
                      data_set_identifier = local.vehicles
                      column_name         = "vehicle_id"
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
  }

  dynamic "permissions" {
    for_each = toset(var.principal_arns)

    content {
      principal = permissions.value
      actions   = local.viewer_actions.dashboard
    }
  }

  lifecycle {
    precondition {
      condition     = length(local.ids.dashboard) <= 512
      error_message = "The dashboard id ${local.ids.dashboard} is longer than the 512 characters QuickSight allows."
    }
  }
}
